/** Eco-label registry (Type I, ISO 14024) of `/api/eco-labels`. */
import type { LinkedDocument, RecordVisibility } from './cities.js';

/** What a criterion is about. */
export enum CriterionAspect {
  Energy = 'energy',
  Resources = 'resources',
  Emissions = 'emissions',
  HazardousSubstances = 'hazardous_substances',
  Packaging = 'packaging',
  Durability = 'durability',
  Performance = 'performance',
  Other = 'other',
}

export enum RecognitionStatus {
  Negotiating = 'negotiating',
  Active = 'active',
  Expired = 'expired',
}

export interface EcoLabelSchemeRef {
  id: string;
  name: string;
  country: string;
}

export interface ProductCategoryResponse {
  id: string;
  /** Stable lower snake_case code. */
  code: string;
  name: string;
  description: string | null;
}

export interface CertificationStepResponse {
  position: number;
  title: string;
  description: string | null;
  durationDays: number | null;
}

export interface CriterionResponse {
  id: string;
  aspect: CriterionAspect;
  title: string;
  requirement: string | null;
}

/** A scheme's standard for one product category, with its criteria. */
export interface SchemeCategoryResponse {
  category: ProductCategoryResponse;
  standardCode: string | null;
  criteria: CriterionResponse[];
}

export interface RecognitionResponse {
  id: string;
  schemes: [EcoLabelSchemeRef, EcoLabelSchemeRef];
  signedYear: number | null;
  status: RecognitionStatus;
  description: string | null;
  /** Categories covered; empty: the agreement names none in particular. */
  categoryIds: string[];
}

export interface EcoLabelSchemeResponse extends EcoLabelSchemeRef {
  localName: string | null;
  operator: string;
  establishedYear: number | null;
  website: string | null;
  description: string | null;
  visibility: RecordVisibility;
  categories: SchemeCategoryResponse[];
  certificationSteps: CertificationStepResponse[];
  recognitions: RecognitionResponse[];
  documents: LinkedDocument[];
  roomId: string | null;
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Schemes side by side for one product category. */
export interface CategoryComparisonResponse {
  category: ProductCategoryResponse;
  schemes: {
    scheme: EcoLabelSchemeRef & { operator: string; website: string | null };
    standardCode: string | null;
    criteria: CriterionResponse[];
    certificationSteps: CertificationStepResponse[];
    /** Ids of the other compared schemes this one has an active mutual recognition with. */
    recognizedSchemeIds: string[];
  }[];
  /** Aspects covered by each scheme (ids), for a matrix view. */
  aspects: { aspect: CriterionAspect; schemeIds: string[] }[];
}
