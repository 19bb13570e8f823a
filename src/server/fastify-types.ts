import type { Role, Principal } from '../sharing/index.js';

/**
 * What a route declares about access, read once by the access-control plugin. A route either
 * names the roles it admits or says it is public; one that does neither stops the app starting.
 */
export interface RouteAccess {
  /** Roles admitted; the request needs a principal holding at least one of them. */
  roles?: readonly Role[];
  /** Open to anyone, no credentials read (health, readiness, metrics, docs, login). */
  public?: true;
  /** The audit action this route's requests are recorded under (`screen`, `entity.read`, ...). */
  action?: string;
  /**
   * `always`: the request carries or returns personal data, so every outcome is audited and a
   * successful reply waits for its record. Otherwise only refusals (401, 403) are audited.
   */
  audit?: 'always';
}

declare module 'fastify' {
  interface FastifyContextConfig extends RouteAccess {}

  interface FastifyRequest {
    /** Set by the access-control hook on every non-public route. */
    principal: Principal | undefined;
    /** True once this request's audit record was appended, so no second one is written. */
    audited: boolean;
  }
}
