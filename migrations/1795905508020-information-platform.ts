import type { MigrationInterface, QueryRunner } from 'typeorm';

/** code, name, unit, description. Per-capita and per-GDP figures are also computed from `population` and `gdp`. */
const BUILT_IN_INDICATORS: [string, string, string, string][] = [
  ['population', 'Population', 'persons', 'Resident population'],
  ['gdp', 'Gross domestic product', 'million USD', 'GDP at current prices'],
  ['total_ghg', 'Total GHG emissions', 'tCO2e', 'Greenhouse gas emissions, all sectors and gases in CO2 equivalent'],
  ['ghg_per_capita', 'GHG emissions per capita', 'tCO2e/person', 'Total GHG emissions divided by population'],
  ['ghg_per_gdp', 'GHG emissions per GDP', 'tCO2e/million USD', 'Total GHG emissions divided by GDP'],
  ['energy_consumption', 'Final energy consumption', 'TJ', 'Total final energy consumption'],
  ['energy_intensity', 'Energy intensity', 'TJ/million USD', 'Final energy consumption divided by GDP'],
  [
    'gdp_per_energy',
    'GDP per unit of energy use',
    'USD (PPP)/kgoe',
    'GDP (purchasing power parity) per kilogram of oil equivalent of energy use',
  ],
  ['renewable_share', 'Renewable energy share', '%', 'Share of renewable energy in final energy consumption'],
  ['dmc', 'Domestic material consumption', 't', 'Domestic extraction plus imports minus exports of materials'],
  ['dmc_per_capita', 'DMC per capita', 't/person', 'Domestic material consumption divided by population'],
  ['dmc_per_gdp', 'DMC per GDP', 'kg/USD', 'Domestic material consumption per unit of GDP'],
];

export class InformationPlatform1795905508020 implements MigrationInterface {
  name = 'InformationPlatform1795905508020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name_en" character varying(200) NOT NULL, "name_local" character varying(200), "country" character varying(2) NOT NULL, "area_km2" numeric, "latitude" numeric(9,6), "longitude" numeric(9,6), "description" character varying(4000), "visibility" character varying(16) NOT NULL DEFAULT 'network', "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4762ffb6e5d198cfec5606bc11e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_cities_name_en_id" ON "cities"  ("name_en", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_cities_country_name_en" ON "cities"  ("country", "name_en") `);
    await queryRunner.query(
      `CREATE TABLE "city_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "city_id" uuid NOT NULL, "member_id" uuid NOT NULL, "role" character varying(16) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_67717ae1ee01c9095a825ee3a95" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6e39862ade8e8e3676de3db8f4" ON "city_members"  ("member_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_city_members_city_member_role" ON "city_members"  ("city_id", "member_id", "role") `,
    );
    await queryRunner.query(
      `CREATE TABLE "emission_inventories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "city_id" uuid NOT NULL, "year" smallint NOT NULL, "methodology" character varying(200), "notes" character varying(4000), "visibility" character varying(16) NOT NULL DEFAULT 'network', "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_57910ae1b2ced1e5ae8b46d76a1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_emission_inventories_city_year" ON "emission_inventories"  ("city_id", "year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "indicators" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "unit" character varying(64) NOT NULL, "description" character varying(2000), "subjects" character varying array NOT NULL, "built_in" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_7908c77362d20f1c428d49bfe4b" UNIQUE ("code"), CONSTRAINT "PK_6e24383c110600564187e92042e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_values" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "indicator_id" uuid NOT NULL, "city_id" uuid, "country" character varying(2) NOT NULL, "year" smallint NOT NULL, "value" numeric NOT NULL, "source" character varying(500) NOT NULL, "quality" character varying(16) NOT NULL, "visibility" character varying(16) NOT NULL DEFAULT 'network', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_611038cccc7a74de92fed3da44d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_855b55395d74f46d360dff5f5a" ON "indicator_values"  ("city_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_indicator_values_country_year" ON "indicator_values"  ("indicator_id", "country", "year") WHERE "city_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_indicator_values_city_year" ON "indicator_values"  ("indicator_id", "city_id", "year") WHERE "city_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "inventory_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inventory_id" uuid NOT NULL, "sector" character varying(32) NOT NULL, "scope" character varying(16) NOT NULL, "gas" character varying(16) NOT NULL DEFAULT 'co2e', "value" numeric, "notation_key" character varying(2), "quality" character varying(16) NOT NULL, "source" character varying(500) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_inventory_entries_value_or_key" CHECK (("value" IS NULL) <> ("notation_key" IS NULL)), CONSTRAINT "PK_1528e3203da22723e29566514f1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_inventory_entries_cell" ON "inventory_entries"  ("inventory_id", "sector", "scope", "gas") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reported_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "indicator_id" uuid NOT NULL, "city_id" uuid, "country" character varying(2) NOT NULL, "start_year" smallint NOT NULL, "end_year" smallint NOT NULL, "kind" character varying(16) NOT NULL, "value_percent" numeric NOT NULL, "source" character varying(500) NOT NULL, "quality" character varying(16) NOT NULL, "notes" character varying(2000), "visibility" character varying(16) NOT NULL DEFAULT 'public', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_139a5cae3ce09fc87e6ba62a48f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ff8e2569683dc1e7cb69812ef1" ON "reported_changes"  ("city_id") `);
    await queryRunner.query(
      `CREATE INDEX "idx_reported_changes_indicator_country" ON "reported_changes"  ("indicator_id", "country") `,
    );
    await queryRunner.query(
      `CREATE TABLE "strategies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "city_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "type" character varying(32) NOT NULL, "description" character varying(4000), "adoption_year" smallint, "period_start" smallint, "period_end" smallint, "status" character varying(16) NOT NULL DEFAULT 'adopted', "visibility" character varying(16) NOT NULL DEFAULT 'network', "document_ids" uuid array NOT NULL DEFAULT '{}', "room_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9a0d363ddf5b40d080147363238" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_strategies_city_title_id" ON "strategies"  ("city_id", "title", "id") `);
    await queryRunner.query(
      `CREATE TABLE "strategy_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "strategy_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "sector" character varying(32), "description" character varying(4000), "status" character varying(16) NOT NULL DEFAULT 'planned', "responsible_body" character varying(300), "start_year" smallint, "end_year" smallint, "cost" numeric, "cost_currency" character varying(3), "expected_reduction" numeric, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca30a513b7f5ed2498fa8437aed" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3db04574531d36834b2ef0b51c" ON "strategy_actions"  ("strategy_id") `);
    await queryRunner.query(
      `CREATE TABLE "strategy_targets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "strategy_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "gas" character varying(16) NOT NULL DEFAULT 'co2e', "scopes" character varying array NOT NULL DEFAULT '{}', "sectors" character varying array NOT NULL DEFAULT '{}', "base_year" smallint, "base_value" numeric, "baseline_value" numeric, "target_year" smallint NOT NULL, "reduction_percent" numeric(5,2), "target_value" numeric, "description" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_33fd73b22ed4f665a10db5a3d22" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9f65d4d41ff080e05a59322734" ON "strategy_targets"  ("strategy_id") `);
    await queryRunner.query(
      `CREATE TABLE "eco_label_schemes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "local_name" character varying(200), "country" character varying(2) NOT NULL, "operator" character varying(300) NOT NULL, "established_year" smallint, "website" character varying(500), "description" character varying(4000), "visibility" character varying(16) NOT NULL DEFAULT 'public', "document_ids" uuid array NOT NULL DEFAULT '{}', "room_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c430e030009460d1b806c176ab7" UNIQUE ("name"), CONSTRAINT "PK_52dad1b28b6f0f3f634fc3590b0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_eco_label_schemes_name_id" ON "eco_label_schemes"  ("name", "id") `);
    await queryRunner.query(
      `CREATE TABLE "eco_label_certification_steps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scheme_id" uuid NOT NULL, "position" smallint NOT NULL, "title" character varying(300) NOT NULL, "description" character varying(2000), "duration_days" smallint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8169aafb94ea4a4427ce0afa44e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_eco_label_certification_steps_position" ON "eco_label_certification_steps"  ("scheme_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "eco_label_categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "description" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_8ff56c041bb1d1bdd532372329d" UNIQUE ("code"), CONSTRAINT "PK_9bbbe2ac51797d9e3a04de777d7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "eco_label_scheme_categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scheme_id" uuid NOT NULL, "category_id" uuid NOT NULL, "standard_code" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ecb77a6690f36a12710ea6f3e3c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0ea943a615014875379871d90d" ON "eco_label_scheme_categories"  ("category_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_eco_label_scheme_categories_scheme_category" ON "eco_label_scheme_categories"  ("scheme_id", "category_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "eco_label_criteria" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scheme_category_id" uuid NOT NULL, "position" smallint NOT NULL, "aspect" character varying(32) NOT NULL, "title" character varying(300) NOT NULL, "requirement" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3a6721cf317602f426d1665f9ed" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_eco_label_criteria_position" ON "eco_label_criteria"  ("scheme_category_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "eco_label_recognitions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scheme_a_id" uuid NOT NULL, "scheme_b_id" uuid NOT NULL, "signed_year" smallint, "status" character varying(16) NOT NULL DEFAULT 'active', "description" character varying(2000), "category_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bca4cd19bcbd10152f6c07c9a6c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f14abcb59f435ddd97c50fb9f7" ON "eco_label_recognitions"  ("scheme_b_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_eco_label_recognitions_pair" ON "eco_label_recognitions"  ("scheme_a_id", "scheme_b_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "city_members" ADD CONSTRAINT "FK_a9ddb8a5bf5d92371c8f2aeca20" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "city_members" ADD CONSTRAINT "FK_6e39862ade8e8e3676de3db8f40" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "emission_inventories" ADD CONSTRAINT "FK_c8670843695f03253ede39e6e84" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_values" ADD CONSTRAINT "FK_4afd5f29369ef48152bb4a9be59" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_values" ADD CONSTRAINT "FK_855b55395d74f46d360dff5f5af" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "inventory_entries" ADD CONSTRAINT "FK_a69cdcb559c7bb93a467029232b" FOREIGN KEY ("inventory_id") REFERENCES "emission_inventories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reported_changes" ADD CONSTRAINT "FK_bd852ed502a82ab2f30231722cd" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reported_changes" ADD CONSTRAINT "FK_ff8e2569683dc1e7cb69812ef14" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "strategies" ADD CONSTRAINT "FK_89113960c75b9eb1950749e0e21" FOREIGN KEY ("city_id") REFERENCES "cities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "strategy_actions" ADD CONSTRAINT "FK_3db04574531d36834b2ef0b51cf" FOREIGN KEY ("strategy_id") REFERENCES "strategies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "strategy_targets" ADD CONSTRAINT "FK_9f65d4d41ff080e05a59322734b" FOREIGN KEY ("strategy_id") REFERENCES "strategies"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "eco_label_certification_steps" ADD CONSTRAINT "FK_903d0540f763aecb6b9d5f227b0" FOREIGN KEY ("scheme_id") REFERENCES "eco_label_schemes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "eco_label_scheme_categories" ADD CONSTRAINT "FK_739b6d16a8827e3a1054ed2d0f3" FOREIGN KEY ("scheme_id") REFERENCES "eco_label_schemes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "eco_label_scheme_categories" ADD CONSTRAINT "FK_0ea943a615014875379871d90d8" FOREIGN KEY ("category_id") REFERENCES "eco_label_categories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "eco_label_criteria" ADD CONSTRAINT "FK_56a89baeb84555aba8cd4cb501f" FOREIGN KEY ("scheme_category_id") REFERENCES "eco_label_scheme_categories"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "eco_label_recognitions" ADD CONSTRAINT "FK_1e5ffac29fa7135f7c523bbfdc1" FOREIGN KEY ("scheme_a_id") REFERENCES "eco_label_schemes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "eco_label_recognitions" ADD CONSTRAINT "FK_f14abcb59f435ddd97c50fb9f78" FOREIGN KEY ("scheme_b_id") REFERENCES "eco_label_schemes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The platform's own indicator definitions (codes are used by CSV files and analysis queries).
    for (const [code, name, unit, description] of BUILT_IN_INDICATORS) {
      await queryRunner.query(
        `INSERT INTO "indicators" ("code", "name", "unit", "description", "subjects", "built_in")
         VALUES ($1, $2, $3, $4, '{city,country}', true)`,
        [code, name, unit, description],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "eco_label_recognitions" DROP CONSTRAINT "FK_f14abcb59f435ddd97c50fb9f78"`);
    await queryRunner.query(`ALTER TABLE "eco_label_recognitions" DROP CONSTRAINT "FK_1e5ffac29fa7135f7c523bbfdc1"`);
    await queryRunner.query(`ALTER TABLE "eco_label_criteria" DROP CONSTRAINT "FK_56a89baeb84555aba8cd4cb501f"`);
    await queryRunner.query(
      `ALTER TABLE "eco_label_scheme_categories" DROP CONSTRAINT "FK_0ea943a615014875379871d90d8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "eco_label_scheme_categories" DROP CONSTRAINT "FK_739b6d16a8827e3a1054ed2d0f3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "eco_label_certification_steps" DROP CONSTRAINT "FK_903d0540f763aecb6b9d5f227b0"`,
    );
    await queryRunner.query(`ALTER TABLE "strategy_targets" DROP CONSTRAINT "FK_9f65d4d41ff080e05a59322734b"`);
    await queryRunner.query(`ALTER TABLE "strategy_actions" DROP CONSTRAINT "FK_3db04574531d36834b2ef0b51cf"`);
    await queryRunner.query(`ALTER TABLE "strategies" DROP CONSTRAINT "FK_89113960c75b9eb1950749e0e21"`);
    await queryRunner.query(`ALTER TABLE "reported_changes" DROP CONSTRAINT "FK_ff8e2569683dc1e7cb69812ef14"`);
    await queryRunner.query(`ALTER TABLE "reported_changes" DROP CONSTRAINT "FK_bd852ed502a82ab2f30231722cd"`);
    await queryRunner.query(`ALTER TABLE "inventory_entries" DROP CONSTRAINT "FK_a69cdcb559c7bb93a467029232b"`);
    await queryRunner.query(`ALTER TABLE "indicator_values" DROP CONSTRAINT "FK_855b55395d74f46d360dff5f5af"`);
    await queryRunner.query(`ALTER TABLE "indicator_values" DROP CONSTRAINT "FK_4afd5f29369ef48152bb4a9be59"`);
    await queryRunner.query(`ALTER TABLE "emission_inventories" DROP CONSTRAINT "FK_c8670843695f03253ede39e6e84"`);
    await queryRunner.query(`ALTER TABLE "city_members" DROP CONSTRAINT "FK_6e39862ade8e8e3676de3db8f40"`);
    await queryRunner.query(`ALTER TABLE "city_members" DROP CONSTRAINT "FK_a9ddb8a5bf5d92371c8f2aeca20"`);
    await queryRunner.query(`DROP INDEX "public"."uq_eco_label_recognitions_pair"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f14abcb59f435ddd97c50fb9f7"`);
    await queryRunner.query(`DROP TABLE "eco_label_recognitions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_eco_label_criteria_position"`);
    await queryRunner.query(`DROP TABLE "eco_label_criteria"`);
    await queryRunner.query(`DROP INDEX "public"."uq_eco_label_scheme_categories_scheme_category"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0ea943a615014875379871d90d"`);
    await queryRunner.query(`DROP TABLE "eco_label_scheme_categories"`);
    await queryRunner.query(`DROP TABLE "eco_label_categories"`);
    await queryRunner.query(`DROP INDEX "public"."uq_eco_label_certification_steps_position"`);
    await queryRunner.query(`DROP TABLE "eco_label_certification_steps"`);
    await queryRunner.query(`DROP INDEX "public"."idx_eco_label_schemes_name_id"`);
    await queryRunner.query(`DROP TABLE "eco_label_schemes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9f65d4d41ff080e05a59322734"`);
    await queryRunner.query(`DROP TABLE "strategy_targets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3db04574531d36834b2ef0b51c"`);
    await queryRunner.query(`DROP TABLE "strategy_actions"`);
    await queryRunner.query(`DROP INDEX "public"."idx_strategies_city_title_id"`);
    await queryRunner.query(`DROP TABLE "strategies"`);
    await queryRunner.query(`DROP INDEX "public"."idx_reported_changes_indicator_country"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ff8e2569683dc1e7cb69812ef1"`);
    await queryRunner.query(`DROP TABLE "reported_changes"`);
    await queryRunner.query(`DROP INDEX "public"."uq_inventory_entries_cell"`);
    await queryRunner.query(`DROP TABLE "inventory_entries"`);
    await queryRunner.query(`DROP INDEX "public"."uq_indicator_values_city_year"`);
    await queryRunner.query(`DROP INDEX "public"."uq_indicator_values_country_year"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_855b55395d74f46d360dff5f5a"`);
    await queryRunner.query(`DROP TABLE "indicator_values"`);
    await queryRunner.query(`DROP TABLE "indicators"`);
    await queryRunner.query(`DROP INDEX "public"."uq_emission_inventories_city_year"`);
    await queryRunner.query(`DROP TABLE "emission_inventories"`);
    await queryRunner.query(`DROP INDEX "public"."uq_city_members_city_member_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6e39862ade8e8e3676de3db8f4"`);
    await queryRunner.query(`DROP TABLE "city_members"`);
    await queryRunner.query(`DROP INDEX "public"."uq_cities_country_name_en"`);
    await queryRunner.query(`DROP INDEX "public"."idx_cities_name_en_id"`);
    await queryRunner.query(`DROP TABLE "cities"`);
  }
}
