import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { EcoLabelScheme } from './eco-label-scheme.entity.js';
import { ProductCategory } from './product-category.entity.js';

/** A scheme's standard for one product category; its criteria hang off it. */
@Entity('eco_label_scheme_categories')
@Index('uq_eco_label_scheme_categories_scheme_category', ['schemeId', 'categoryId'], { unique: true })
export class SchemeCategory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  schemeId: string;

  @ManyToOne(() => EcoLabelScheme, { onDelete: 'CASCADE' })
  @JoinColumn()
  scheme: Relation<EcoLabelScheme>;

  @Index()
  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => ProductCategory, { onDelete: 'CASCADE' })
  @JoinColumn()
  category: Relation<ProductCategory>;

  @Column({ type: 'varchar', length: 100, nullable: true })
  standardCode: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
