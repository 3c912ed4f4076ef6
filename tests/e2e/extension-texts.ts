// Drafts the e2e tests type. They exercise the extension, not the packs'
// coverage (that is rules/' own tests), so they are plain, unambiguous cases.
export const CLEAN = 'Lovely weather today, going for a walk by the river.';
/** An insult toward the boss (employer-insult, severity warn by default). */
export const RISKY = 'My boss is a complete idiot.';
/** Speaking for the employer: the on-behalf rule suggests a disclaimer. */
export const ON_BEHALF = 'On behalf of my company, we are proud to announce our new warehouse.';
/** What the disclaimer suggestion inserts in an English post ("(Views are my own.)"). */
export const DISCLAIMER = /my own/i;
/** Political campaigning: held inside work hours only. */
export const POLITICAL = 'Vote for the Green party on Sunday!';
/** The same in Dutch. */
export const RISKY_NL = 'Mijn baas is een complete idioot.';
