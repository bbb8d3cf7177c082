// Placeholder so the CLI loads until the scheduling engine's command lands (it replaces this file).
import type { Command } from 'commander';

export function registerSchedule(_program: Command): void {}
