import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NetworkRole } from '@lcc/contracts';
import { Roles } from '../../common/decorators/roles.decorator.js';
import { ListOutboxQueryDto } from './dto/list-outbox-query.dto.js';
import { OutboxMailDetailDto, OutboxPageDto } from './dto/outbox-mail.response.js';
import { MailService } from './mail.service.js';

@ApiTags('mail')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @Roles(NetworkRole.Admin)
  @ApiOperation({ summary: 'Lists the e-mail outbox, newest first (administrators only).' })
  @ApiOkResponse({ type: OutboxPageDto })
  list(@Query() query: ListOutboxQueryDto) {
    return this.mail.list(query);
  }

  @Get(':id')
  @Roles(NetworkRole.Admin)
  @ApiOperation({ summary: 'Shows one e-mail of the outbox with its HTML body (administrators only).' })
  @ApiOkResponse({ type: OutboxMailDetailDto })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.mail.get(id);
  }
}
