import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitiesModule } from '../cities/cities.module.js';
import { EmissionInventory } from './entities/emission-inventory.entity.js';
import { InventoryEntry } from './entities/inventory-entry.entity.js';
import { CityInventoriesController, InventoriesController } from './inventories.controller.js';
import { InventoriesService } from './inventories.service.js';

/** Cities' GPC emission inventories by year: sector × scope × gas cells, each a value or a notation key. */
@Module({
  imports: [TypeOrmModule.forFeature([EmissionInventory, InventoryEntry]), CitiesModule],
  controllers: [CityInventoriesController, InventoriesController],
  providers: [InventoriesService],
  exports: [InventoriesService],
})
export class InventoriesModule {}
