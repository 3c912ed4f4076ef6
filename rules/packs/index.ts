// The built-in packs, bundled into the extension and the CLI.
import type { Pack } from '../pack';
import common from './common.json';
import confidential from './confidential.json';
import employerInsult from './employer-insult.json';
import hate from './hate.json';
import onBehalf from './on-behalf.json';
import political from './political.json';

export const BUILTIN_PACKS: Pack[] = [common, employerInsult, confidential, political, hate, onBehalf] as unknown as Pack[];
