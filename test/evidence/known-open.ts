/**
 * Holes the evidence suites still find on main, each owned by a helper closing it in parallel
 * (issue 10). Every entry must still fail: the suites assert that, so a fix turns them red until
 * the entry is removed. Keep this list empty whenever possible.
 */
export const KNOWN_OPEN: { match: string; owner: string; why: string }[] = [];
