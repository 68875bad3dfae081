import type { CityStatistic } from '@lcc/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor, Viewer } from '../../common/http/actor.js';

/**
 * What a feature that keeps records under a city (strategies, indicator values...) adds to the city's own
 * operations. Those features depend on `cities`, never the reverse, so they register with `CitiesService` when
 * their module starts instead of `cities` importing them.
 */
export interface CityDependent {
  /** Inside the transaction that moves a city to another country: keep copies of the city's country in step. */
  countryChanged?(manager: EntityManager, cityId: string, country: string): Promise<void>;
  /**
   * Inside the transaction that deletes a city, before its row (and, by cascade, everything under it) goes;
   * the returned work runs after the commit (archiving rooms, say, which must not hold the transaction).
   */
  deleting?(manager: EntityManager, cityId: string): Promise<(actor: Actor) => Promise<void>>;
  /** Population and GDP by year for city responses, from what the viewer may read. */
  statistics?(viewer: Viewer, cityIds: string[]): Promise<Map<string, CityStatistic[]>>;
}
