import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NetworkRole } from '@lcc/contracts';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { AuditService } from './audit.service.js';
import { AuditPageDto } from './dto/audit-entry.response.js';
import { ListAuditQueryDto } from './dto/list-audit-query.dto.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'List the audit log, newest first' })
  @Roles(NetworkRole.Admin)
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: ListAuditQueryDto) {
    return this.audit.list(query);
  }
}
