import { config } from 'zod';

// The server's Content-Security-Policy allows no eval. Zod compiles object parsers with
// `new Function` when it may, and its probe for that is refused and reported as a violation:
// parse without compiling instead (the web app parses few, small answers).
config({ jitless: true });
