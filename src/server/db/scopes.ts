/**
 * Which records a rule of the policy table (auth/policy.ts) covers. Defined here, below the
 * policy, because the repositories turn scopes into SQL filters (`readScopes`):
 * - `public`: any record whose visibility is public, in any coalition;
 * - `coalitionShared`: records of the actor's coalition visible to the coalition or the public;
 * - `ownOrganisation`: records of the actor's coalition owned by the actor's organisation;
 * - `coalitionAll`: every record of the actor's coalition, whatever its visibility.
 */
export type Scope = 'public' | 'coalitionShared' | 'ownOrganisation' | 'coalitionAll';
