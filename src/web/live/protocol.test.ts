import { describe, expect, it } from 'vitest';
import { PARTICIPANT_SECTORS } from '../../contract/events.ts';
import { PROTOCOL_VERSION } from '../../contract/live.ts';
import { PROTOCOL, SECTORS } from './protocol.ts';

describe('live constants repeated for the phone bundle', () => {
  it('speak the contract protocol version', () => expect(PROTOCOL).toBe(PROTOCOL_VERSION));
  it('list the contract sectors', () => expect([...SECTORS]).toEqual([...PARTICIPANT_SECTORS]));
});
