import { Injectable, type OnModuleInit } from '@nestjs/common';
import { NotificationType } from '@lcc/contracts';
import { DocumentsService } from '../documents/documents.service.js';
import { NotificationSubjects } from './notification-subjects.service.js';

/**
 * Notifications about a document (filed under a group, possibly a hidden one) are shown and mailed only while their
 * member may still open it: the documents' own rule, asked through their service (documents cannot depend on
 * notifications, which already depend on them).
 */
@Injectable()
export class DocumentNotificationSubjects implements OnModuleInit {
  constructor(
    private readonly subjects: NotificationSubjects,
    private readonly documents: DocumentsService,
  ) {}

  onModuleInit(): void {
    this.subjects.register([NotificationType.DocumentAdded], (manager, notifications) =>
      this.documents.openableBy(
        manager,
        notifications.map((n) => ({ id: n.id, memberId: n.memberId, documentId: n.data.documentId })),
      ),
    );
  }
}
