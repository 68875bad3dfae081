/** Documents: enums and response shapes of `/api/documents`. */

/** Who may open a document: `public` anyone (also anonymous), `network` active members, `group` its group. */
export enum DocumentVisibility {
  Public = 'public',
  Network = 'network',
  Group = 'group',
  /** Whoever may read the discussion room named by `roomId` (a file pasted into a private room or a direct message). */
  Room = 'room',
}

/** The language of a document's content (the portal's languages, plus `other`). */
export enum DocumentLanguage {
  En = 'en',
  Zh = 'zh',
  Ja = 'ja',
  Ko = 'ko',
  Ru = 'ru',
  Mn = 'mn',
  Other = 'other',
}

/** Text extraction of one version: `skipped` for types without text (images, spreadsheets, archives). */
export enum ExtractionStatus {
  Pending = 'pending',
  Done = 'done',
  Failed = 'failed',
  Skipped = 'skipped',
}

export interface DocumentPersonRef {
  id: string;
  displayName: string;
}

export interface DocumentVersionResponse {
  id: string;
  /** 1-based. */
  number: number;
  fileName: string;
  mimeType: string;
  size: number;
  /** SHA-256 of the bytes, lower-case hex; also the download's ETag. */
  sha256: string;
  extractionStatus: ExtractionStatus;
  /** What changed, as the uploader put it (null when they said nothing). */
  note: string | null;
  /** For a restored version: the number of the version whose bytes it brought back. */
  restoredFromNumber: number | null;
  uploadedBy: DocumentPersonRef;
  createdAt: string;
}

/** A folder (collection) of documents: in the library (`workingGroupId` null) or inside one working group. */
export interface DocumentFolderResponse {
  id: string;
  name: string;
  workingGroupId: string | null;
  createdBy: DocumentPersonRef;
  /** Documents in it that the viewer may open. */
  documentCount: number;
  /** The viewer may rename and delete it. */
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/documents/:id/text`: the text read from one version (null while pending, failed or skipped). */
export interface DocumentTextResponse {
  number: number;
  extractionStatus: ExtractionStatus;
  text: string | null;
}

/** Where a document is kept inside one working group it is shared with. */
export interface DocumentGroupFolder {
  workingGroupId: string;
  folderId: string | null;
}

export interface DocumentResponse {
  id: string;
  title: string;
  description: string | null;
  kind: string;
  language: DocumentLanguage;
  country: string | null;
  city: string | null;
  year: number | null;
  tags: string[];
  workingGroupId: string | null;
  /** Every working group the document is filed under (shared with), `workingGroupId` first; empty for none. */
  workingGroupIds: string[];
  /** The library folder it is kept in, or null. */
  folderId: string | null;
  /** Its place in each of its groups whose insides the viewer sees (the groups' order): that group's folder, or null. */
  groupFolders: DocumentGroupFolder[];
  visibility: DocumentVisibility;
  /** For visibility `room`: the discussion room whose readers may open it; null otherwise. */
  roomId: string | null;
  uploadedBy: DocumentPersonRef;
  /** The latest version. */
  latestVersion: DocumentVersionResponse;
  versionCount: number;
  downloadCount: number;
  /** True when the viewer may edit, add versions and delete. */
  canEdit: boolean;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Search results only: relevance and a snippet with matches in `<b>…</b>` (the rest HTML-escaped). */
  rank?: number;
  snippet?: string | null;
}

export interface DocumentFacetCount {
  value: string;
  count: number;
}

export interface DocumentPage {
  items: DocumentResponse[];
  nextCursor: string | null;
  /** With `?facets=true`: counts over every visible match (not only this page). */
  facets?: {
    kind: DocumentFacetCount[];
    language: DocumentFacetCount[];
    country: DocumentFacetCount[];
    year: DocumentFacetCount[];
    tag: DocumentFacetCount[];
  };
}

export interface DocumentDownloadResponse {
  id: string;
  versionNumber: number;
  /** `null` for anonymous downloads of public documents. */
  member: DocumentPersonRef | null;
  createdAt: string;
}
