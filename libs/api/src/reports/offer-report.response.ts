import { ApiProperty } from '@nestjs/swagger';

export class OfferReportItem {
  @ApiProperty({ format: 'uuid' }) moduleId!: string;
  @ApiProperty({ example: 1 }) revision!: number;
  @ApiProperty() title!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() category!: string;
  @ApiProperty() modality!: string;
  @ApiProperty({ example: 'guyane' }) academy!: string;
  @ApiProperty({ example: 3, description: 'Face-to-face + distance hours per participant.' }) totalHours!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}

/** GET /api/v1/reports/offer: the published offer as the reporting projection knows it. */
export class OfferReportResponse {
  @ApiProperty({ type: [OfferReportItem] }) items!: OfferReportItem[];
  @ApiProperty({ nullable: true, type: String, description: 'Cursor of the next page, null on the last one.' })
  nextCursor!: string | null;
}
