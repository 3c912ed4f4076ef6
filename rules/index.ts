// Public API of the engine. Pure TypeScript: runs in the page, in Node tests and in the CLI.
export { check, compilePolicy, localize, validatePacks, type CheckContext, type Compiled, type CompiledRule } from './engine';
export { validatePolicy, policySchema, DEFAULT_POLICY, PolicyError, type Policy, type CustomRule } from './policy';
export { validatePack, type Pack, type PackRule } from './pack';
export { BUILTIN_PACKS } from './packs/index';
export { runPackExamples, EXAMPLE_POLICY, EXAMPLE_TIME, type ExampleFailure } from './pack-examples';
export { normalize } from './text';
export { detectLanguage } from './language';
export { isWorkTime } from './workhours';
export * from './types';
export { mediaNudge, describeMedia, type MediaCount, type MediaNudge } from './media';
export { employerInProfile } from './engine';
export { SITES, type Site, type SiteSetting } from './policy';
