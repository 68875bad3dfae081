import { Injectable } from '@nestjs/common';
import { CommonErrorCode, type SearchResponse, type SearchScope } from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import type { Actor } from '../../common/http/actor.js';
import { CitiesService } from '../cities/cities.service.js';
import { ListCitiesQueryDto } from '../cities/dto/city.dto.js';
import { MessageSearchService } from '../discussions/message-search.service.js';
import { DocumentSearchService } from '../documents/document-search.service.js';
import { ListDocumentsQueryDto } from '../documents/dto/document-queries.dto.js';
import { ListMembersQueryDto } from '../members/dto/list-members-query.dto.js';
import { MembersService } from '../members/members.service.js';
import type { SearchQueryDto } from './dto/search.dto.js';

/** The longest `q` the member directory and the city list take (the search box takes 200). */
const NAME_QUERY_MAX = 100;

/**
 * The header's search box: messages, documents, members and cities, each asked of the feature that owns it and
 * so through that feature's visibility rule. Filters narrow the kinds they mean something for (room: messages;
 * author: messages and documents, as uploader; dates: messages and documents); a kind a filter cannot apply to
 * finds nothing, so a narrowed search never pads its answer with unrelated members or cities.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly messages: MessageSearchService,
    private readonly documents: DocumentSearchService,
    private readonly members: MembersService,
    private readonly cities: CitiesService,
  ) {}

  async search(actor: Actor, query: SearchQueryDto): Promise<SearchResponse> {
    this.check(query);
    const wants = (kind: SearchScope, applies: boolean) => (query.scope === 'all' || query.scope === kind) && applies;
    const dated = query.from !== undefined || query.to !== undefined;
    const plain = !query.roomId && !query.authorId && !dated;
    const q = query.q.trim();
    const empty = { items: [], nextCursor: null };
    const [messages, documents, members, cities] = await Promise.all([
      wants('messages', true) ? this.messages.search(actor, { ...query, q }) : empty,
      wants('documents', !query.roomId)
        ? this.documents.list(
            actor,
            Object.assign(new ListDocumentsQueryDto(), { q, limit: query.limit, cursor: query.cursor }),
            { uploadedById: query.authorId, from: query.from, to: query.to },
          )
        : empty,
      wants('members', plain && q.length > 0)
        ? this.members.list(
            actor,
            Object.assign(new ListMembersQueryDto(), {
              q: q.slice(0, NAME_QUERY_MAX),
              limit: query.limit,
              cursor: query.cursor,
            }),
          )
        : empty,
      wants('cities', plain && q.length > 0)
        ? this.cities.list(
            actor,
            Object.assign(new ListCitiesQueryDto(), {
              q: q.slice(0, NAME_QUERY_MAX),
              limit: query.limit,
              cursor: query.cursor,
            }),
          )
        : empty,
    ]);
    const pages: Record<SearchScope, { nextCursor: string | null }> = {
      messages,
      documents,
      members,
      cities,
      all: empty,
    };
    return {
      messages: messages.items,
      documents: documents.items,
      members: members.items,
      cities: cities.items,
      nextCursor: pages[query.scope].nextCursor,
    };
  }

  /** What the DTO cannot say alone: a cursor belongs to one kind, and a date range must not run backwards. */
  private check(query: SearchQueryDto): void {
    const details: { field: string; message: string }[] = [];
    if (query.cursor && query.scope === 'all') {
      details.push({ field: 'cursor', message: 'cursor pages one kind: give scope as well' });
    }
    if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to)) {
      details.push({ field: 'to', message: 'to must be after from' });
    }
    if (details.length) throw new CommonException(CommonErrorCode.VALIDATION_FAILED, undefined, details);
  }
}
