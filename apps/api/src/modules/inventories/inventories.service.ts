import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, type Repository } from 'typeorm';
import { isUniqueViolation } from '@lcc/database';
import {
  AuditAction,
  CommonErrorCode,
  type ErrorDetail,
  GreenhouseGas,
  type InventoryResponse,
  type Page,
  RecordVisibility,
} from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import type { Actor, Viewer } from '../../common/http/actor.js';
import { type PageQueryDto, toPage } from '../../common/pagination/cursor.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { CitiesService } from '../cities/cities.service.js';
import { visibilityAllows, visibleSql } from '../cities/city-access.js';
import { InventoryErrorCode, InventoryException } from './inventories.exception.js';
import type { SaveInventoryDto } from './dto/inventory.dto.js';
import { EmissionInventory } from './entities/emission-inventory.entity.js';
import { InventoryEntry } from './entities/inventory-entry.entity.js';

/** An inventory entry as analysis receives it. */
export type { InventoryEntry };

/** Emission inventories by year: GPC sector × scope × gas cells, each a value or a notation key. */
@Injectable()
export class InventoriesService {
  constructor(
    @InjectRepository(EmissionInventory) private readonly inventories: Repository<EmissionInventory>,
    @InjectRepository(InventoryEntry) private readonly entries: Repository<InventoryEntry>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cities: CitiesService,
  ) {}

  /** Newest year first. */
  async list(viewer: Viewer, cityId: string, query: PageQueryDto): Promise<Page<InventoryResponse>> {
    await this.cities.requireVisible(viewer, cityId);
    const qb = this.inventories
      .createQueryBuilder('i')
      .where('i.cityId = :cityId', { cityId })
      .andWhere(visibleSql(viewer, 'i'))
      .orderBy('i.year', 'DESC');
    if (query.cursor) {
      const [year] = decodeCursor(query.cursor, ['smallint']);
      qb.andWhere('i.year < :year', { year });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    const page = toPage(
      rows,
      query.limit,
      (i) => i,
      (i) => [i.year],
    );
    return { items: await this.toResponses(viewer, page.items), nextCursor: page.nextCursor };
  }

  async get(viewer: Viewer, id: string): Promise<InventoryResponse> {
    const inventory = await this.requireVisible(viewer, id);
    return (await this.toResponses(viewer, [inventory]))[0]!;
  }

  async create(actor: Actor, cityId: string, dto: SaveInventoryDto): Promise<InventoryResponse> {
    await this.cities.requireEditor(actor, cityId);
    failOn(entryProblems(dto));
    const id = await this.writeUnique(async (manager) => {
      const inventory = await manager.getRepository(EmissionInventory).save({
        cityId,
        year: dto.year,
        methodology: dto.methodology ?? null,
        notes: dto.notes ?? null,
        visibility: dto.visibility ?? RecordVisibility.Network,
        createdById: actor.id,
      });
      await this.insertEntries(manager, inventory.id, dto);
      await this.cities.record(manager, actor, AuditAction.CityRecordCreated, 'emission_inventory', inventory.id, {
        cityId,
        year: dto.year,
        entries: dto.entries.length,
      });
      return inventory.id;
    });
    return this.get(actor, id);
  }

  /** Replaces the inventory and all its entries. */
  async replace(actor: Actor, id: string, dto: SaveInventoryDto): Promise<InventoryResponse> {
    const inventory = await this.requireVisible(actor, id);
    await this.cities.requireEditor(actor, inventory.cityId);
    failOn(entryProblems(dto));
    await this.writeUnique(async (manager) => {
      await manager.getRepository(EmissionInventory).update(
        { id },
        {
          year: dto.year,
          methodology: dto.methodology ?? null,
          notes: dto.notes ?? null,
          visibility: dto.visibility ?? inventory.visibility,
        },
      );
      await manager.getRepository(InventoryEntry).delete({ inventoryId: id });
      await this.insertEntries(manager, id, dto);
      await this.cities.record(manager, actor, AuditAction.CityRecordUpdated, 'emission_inventory', id, {
        year: dto.year,
        entries: dto.entries.length,
      });
      return id;
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const inventory = await this.requireVisible(actor, id);
    await this.cities.requireEditor(actor, inventory.cityId);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(EmissionInventory).delete({ id });
      await this.cities.record(manager, actor, AuditAction.CityRecordDeleted, 'emission_inventory', id, {
        cityId: inventory.cityId,
        year: inventory.year,
      });
    });
  }

  async requireVisible(viewer: Viewer, id: string): Promise<EmissionInventory> {
    const inventory = await this.inventories.findOneBy({ id });
    if (!inventory || !visibilityAllows(inventory.visibility, viewer)) {
      throw new InventoryException(InventoryErrorCode.INVENTORY_NOT_FOUND);
    }
    try {
      await this.cities.requireVisible(viewer, inventory.cityId);
    } catch {
      throw new InventoryException(InventoryErrorCode.INVENTORY_NOT_FOUND);
    }
    return inventory;
  }

  /** The city's inventories the viewer may read, with their entries, oldest first (for target progress). */
  async visibleWithEntries(
    viewer: Viewer,
    cityId: string,
  ): Promise<{ inventory: EmissionInventory; entries: InventoryEntry[] }[]> {
    const inventories = await this.inventories
      .createQueryBuilder('i')
      .where('i.cityId = :cityId', { cityId })
      .andWhere(visibleSql(viewer, 'i'))
      .orderBy('i.year', 'ASC')
      .getMany();
    const entries = inventories.length
      ? await this.entries.findBy({ inventoryId: In(inventories.map((i) => i.id)) })
      : [];
    return inventories.map((inventory) => ({
      inventory,
      entries: entries.filter((e) => e.inventoryId === inventory.id),
    }));
  }

  async entriesOf(inventoryId: string): Promise<InventoryEntry[]> {
    return this.entries.find({ where: { inventoryId }, order: { sector: 'ASC', scope: 'ASC', gas: 'ASC' } });
  }

  private async insertEntries(manager: EntityManager, inventoryId: string, dto: SaveInventoryDto): Promise<void> {
    if (dto.entries.length === 0) return;
    await manager.getRepository(InventoryEntry).insert(
      dto.entries.map((e) => ({
        inventoryId,
        sector: e.sector,
        scope: e.scope,
        gas: e.gas ?? GreenhouseGas.Co2e,
        value: e.value ?? null,
        notationKey: e.notationKey ?? null,
        quality: e.quality,
        source: e.source,
      })),
    );
  }

  private async writeUnique(write: (manager: EntityManager) => Promise<string>): Promise<string> {
    try {
      return await this.dataSource.transaction(write);
    } catch (error) {
      if (isUniqueViolation(error)) throw new InventoryException(InventoryErrorCode.INVENTORY_YEAR_TAKEN);
      throw error;
    }
  }

  private async toResponses(viewer: Viewer, inventories: EmissionInventory[]): Promise<InventoryResponse[]> {
    if (inventories.length === 0) return [];
    const cityIds = inventories.map((i) => i.cityId);
    const [entries, cities, editable] = await Promise.all([
      this.entries.find({
        where: { inventoryId: In(inventories.map((i) => i.id)) },
        order: { sector: 'ASC', scope: 'ASC', gas: 'ASC' },
      }),
      this.cities.summaries(cityIds),
      this.cities.editableIds(viewer, cityIds),
    ]);
    return inventories.map((inventory) => {
      const mine = entries.filter((e) => e.inventoryId === inventory.id);
      return {
        id: inventory.id,
        city: cities.get(inventory.cityId)!,
        year: inventory.year,
        methodology: inventory.methodology,
        notes: inventory.notes,
        visibility: inventory.visibility,
        total: mine.reduce((sum, e) => sum + (e.value ?? 0), 0),
        entries: mine.map((e) => ({
          sector: e.sector,
          scope: e.scope,
          gas: e.gas,
          value: e.value,
          notationKey: e.notationKey,
          quality: e.quality,
          source: e.source,
        })),
        canEdit: editable.has(inventory.cityId),
        createdAt: inventory.createdAt.toISOString(),
        updatedAt: inventory.updatedAt.toISOString(),
      };
    });
  }
}

function failOn(problems: ErrorDetail[]): void {
  if (problems.length) throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, problems);
}

/** Each cell once, and either a value or a notation key. */
function entryProblems(dto: SaveInventoryDto): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  dto.entries.forEach((e, i) => {
    const hasValue = e.value !== undefined && e.value !== null;
    const hasKey = e.notationKey !== undefined && e.notationKey !== null;
    if (hasValue === hasKey) {
      problems.push({ field: `entries[${i}]`, message: 'give either a value or a notationKey (NO, NE, C, IE)' });
    }
    const cell = `${e.sector}/${e.scope}/${e.gas ?? GreenhouseGas.Co2e}`;
    if (seen.has(cell)) problems.push({ field: `entries[${i}]`, message: `${cell} appears more than once` });
    seen.add(cell);
  });
  return problems;
}
