import { ApiProperty } from '@nestjs/swagger';
import {
  type CategoryComparisonResponse,
  type CertificationStepResponse,
  COUNTRY_CODES,
  CriterionAspect,
  type CriterionResponse,
  type EcoLabelSchemeRef,
  type EcoLabelSchemeResponse,
  type ProductCategoryResponse,
  type RecognitionResponse,
  RecognitionStatus,
  RecordVisibility,
  type SchemeCategoryResponse,
} from '@lcc/contracts';

const nullableString = { type: String, nullable: true } as const;
const nullableNumber = { type: Number, nullable: true } as const;

export class EcoLabelSchemeRefDto implements EcoLabelSchemeRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: COUNTRY_CODES, enumName: 'Country' }) country: string;
}

export class ProductCategoryResponseDto implements ProductCategoryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty(nullableString) description: string | null;
}

export class ProductCategoryPageDto {
  @ApiProperty({ type: [ProductCategoryResponseDto] }) items: ProductCategoryResponseDto[];
  @ApiProperty(nullableString) nextCursor: string | null;
}

export class CertificationStepResponseDto implements CertificationStepResponse {
  @ApiProperty() position: number;
  @ApiProperty() title: string;
  @ApiProperty(nullableString) description: string | null;
  @ApiProperty(nullableNumber) durationDays: number | null;
}

export class CriterionResponseDto implements CriterionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CriterionAspect, enumName: 'CriterionAspect' }) aspect: CriterionAspect;
  @ApiProperty() title: string;
  @ApiProperty(nullableString) requirement: string | null;
}

export class SchemeCategoryResponseDto implements SchemeCategoryResponse {
  @ApiProperty({ type: ProductCategoryResponseDto }) category: ProductCategoryResponseDto;
  @ApiProperty(nullableString) standardCode: string | null;
  @ApiProperty({ type: [CriterionResponseDto] }) criteria: CriterionResponseDto[];
}

export class RecognitionResponseDto implements RecognitionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: [EcoLabelSchemeRefDto], minItems: 2, maxItems: 2 })
  schemes: [EcoLabelSchemeRefDto, EcoLabelSchemeRefDto];
  @ApiProperty(nullableNumber) signedYear: number | null;
  @ApiProperty({ enum: RecognitionStatus, enumName: 'RecognitionStatus' }) status: RecognitionStatus;
  @ApiProperty(nullableString) description: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) categoryIds: string[];
}

export class RecognitionPageDto {
  @ApiProperty({ type: [RecognitionResponseDto] }) items: RecognitionResponseDto[];
  @ApiProperty(nullableString) nextCursor: string | null;
}

export class LinkedSchemeDocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

export class EcoLabelSchemeResponseDto extends EcoLabelSchemeRefDto implements EcoLabelSchemeResponse {
  @ApiProperty(nullableString) localName: string | null;
  @ApiProperty() operator: string;
  @ApiProperty(nullableNumber) establishedYear: number | null;
  @ApiProperty(nullableString) website: string | null;
  @ApiProperty(nullableString) description: string | null;
  @ApiProperty({ enum: RecordVisibility, enumName: 'RecordVisibility' }) visibility: RecordVisibility;
  @ApiProperty({ type: [SchemeCategoryResponseDto] }) categories: SchemeCategoryResponseDto[];
  @ApiProperty({ type: [CertificationStepResponseDto] }) certificationSteps: CertificationStepResponseDto[];
  @ApiProperty({ type: [RecognitionResponseDto] }) recognitions: RecognitionResponseDto[];
  @ApiProperty({ type: [LinkedSchemeDocumentDto] }) documents: LinkedSchemeDocumentDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for anonymous visitors' })
  roomId: string | null;
  @ApiProperty() canEdit: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class EcoLabelSchemePageDto {
  @ApiProperty({ type: [EcoLabelSchemeResponseDto] }) items: EcoLabelSchemeResponseDto[];
  @ApiProperty(nullableString) nextCursor: string | null;
}

class ComparedSchemeRefDto extends EcoLabelSchemeRefDto {
  @ApiProperty() operator: string;
  @ApiProperty(nullableString) website: string | null;
}

class ComparedSchemeDto {
  @ApiProperty({ type: ComparedSchemeRefDto }) scheme: ComparedSchemeRefDto;
  @ApiProperty(nullableString) standardCode: string | null;
  @ApiProperty({ type: [CriterionResponseDto] }) criteria: CriterionResponseDto[];
  @ApiProperty({ type: [CertificationStepResponseDto] }) certificationSteps: CertificationStepResponseDto[];
  @ApiProperty({ type: [String], format: 'uuid' }) recognizedSchemeIds: string[];
}

class AspectRowDto {
  @ApiProperty({ enum: CriterionAspect, enumName: 'CriterionAspect' }) aspect: CriterionAspect;
  @ApiProperty({ type: [String], format: 'uuid' }) schemeIds: string[];
}

export class CategoryComparisonResponseDto implements CategoryComparisonResponse {
  @ApiProperty({ type: ProductCategoryResponseDto }) category: ProductCategoryResponseDto;
  @ApiProperty({ type: [ComparedSchemeDto] }) schemes: ComparedSchemeDto[];
  @ApiProperty({ type: [AspectRowDto] }) aspects: AspectRowDto[];
}
