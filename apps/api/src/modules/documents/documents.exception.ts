import { DocumentErrorCode } from '@lcc/contracts';
import { featureException } from '../../common/errors/app.exception.js';

export { DocumentErrorCode };

export const DocumentException = featureException<DocumentErrorCode>('DocumentException', {
  [DocumentErrorCode.DOCUMENT_NOT_FOUND]: [404, 'Document not found'],
  [DocumentErrorCode.DOCUMENT_VERSION_NOT_FOUND]: [404, 'This document has no such version'],
  [DocumentErrorCode.DOCUMENT_EDIT_FORBIDDEN]: [403, 'Only the uploader, the group leads and coordinators can do this'],
  [DocumentErrorCode.DOWNLOADS_FORBIDDEN]: [403, 'Only the uploader and coordinators see who downloaded a document'],
  [DocumentErrorCode.UPLOAD_FORBIDDEN]: [403, 'Observers cannot upload documents'],
  [DocumentErrorCode.NOT_A_GROUP_MEMBER]: [403, 'You are not a member of this working group'],
  [DocumentErrorCode.DOCUMENT_NOT_DELETED]: [409, 'The document is not deleted'],
  [DocumentErrorCode.VERSION_UNCHANGED]: [409, 'This file is the same as the latest version'],
  [DocumentErrorCode.FOLDER_NOT_FOUND]: [404, 'Folder not found'],
  [DocumentErrorCode.FOLDER_EDIT_FORBIDDEN]: [
    403,
    "Only the folder's creator, the group leads and coordinators can do this",
  ],
  [DocumentErrorCode.MULTIPART_REQUIRED]: [415, 'Send the document as multipart/form-data'],
  [DocumentErrorCode.MALFORMED_MULTIPART]: [400, 'The multipart body could not be read'],
  [DocumentErrorCode.FILE_TOO_LARGE]: [413, 'The file is larger than the upload limit'],
  [DocumentErrorCode.UNSUPPORTED_FILE_TYPE]: [415, 'This type of file is not accepted'],
  [DocumentErrorCode.FILE_TYPE_MISMATCH]: [415, "The file's content does not match its extension"],
  [DocumentErrorCode.RANGE_NOT_SATISFIABLE]: [416, 'The requested range is outside the file'],
});
