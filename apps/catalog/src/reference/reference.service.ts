import { Identity } from '@forma/auth';
import { SchoolRegistered } from '@forma/contracts';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CanopeDtRequest, DEPARTMENT, DepartmentRequest, DistrictRequest, SchoolRequest } from './reference.dto';
import { Academy, CanopeDt, Department, District, School } from '../catalog.entities';
import { badParam, unknownReference } from './reference.errors';
import { ReferenceRepository } from './reference.repository';

const CODE = /^[a-z0-9-]{2,60}$/;

/** Writes of the reference data: each checks what it points to, and a school is announced (`SchoolRegistered`). */
@Injectable()
export class ReferenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reference: ReferenceRepository,
    private readonly events: EventPublisher,
  ) {}

  academies(): Promise<Academy[]> {
    return this.reference.academies(this.dataSource.manager);
  }

  departments(): Promise<Department[]> {
    return this.reference.departments(this.dataSource.manager);
  }

  districts(): Promise<District[]> {
    return this.reference.districts(this.dataSource.manager);
  }

  schools(filter: { academy?: string; q?: string }): Promise<School[]> {
    return this.reference.schools(this.dataSource.manager, filter);
  }

  canopeDts(): Promise<CanopeDt[]> {
    return this.reference.canopeDts(this.dataSource.manager);
  }

  async putDepartment(code: string, body: DepartmentRequest): Promise<Department> {
    if (!DEPARTMENT.test(code)) throw badParam('code', 'code de département (2 ou 3 caractères, 2A/2B)');
    const manager = this.dataSource.manager;
    await this.assertAcademy(body.academy);
    const row = { code, name: body.name, academy: body.academy };
    await this.reference.save(manager, Department, row);
    return row;
  }

  async putDistrict(code: string, body: DistrictRequest): Promise<District> {
    if (!CODE.test(code)) throw badParam('code', 'identifiant en minuscules, chiffres et tirets');
    const manager = this.dataSource.manager;
    const department = await this.reference.department(manager, body.department);
    if (!department) throw unknownReference('department', body.department, 'département');
    const row = { code, name: body.name, department: body.department, academy: department.academy };
    await this.reference.save(manager, District, row);
    return row;
  }

  async putSchool(uai: string, body: SchoolRequest, caller: Identity): Promise<SchoolRequest & { uai: string; academy: string }> {
    const manager = this.dataSource.manager;
    if (body.department && !(await this.reference.department(manager, body.department))) throw unknownReference('department', body.department, 'département');
    if (body.district && !(await this.reference.districtExists(manager, body.district))) throw unknownReference('district', body.district, 'circonscription');
    const academy = caller.scope.academy;
    const row: School = {
      uai,
      name: body.name,
      kind: body.kind ?? null,
      address: body.address ?? null,
      postalCode: body.postalCode ?? null,
      city: body.city ?? null,
      department: body.department ?? null,
      district: body.district ?? null,
      academy,
    };
    await this.dataSource.transaction(async (tx) => {
      await this.reference.save(tx, School, row);
      await this.events.publish(tx, SchoolRegistered, { uai, name: body.name, academy, department: row.department, district: row.district });
    });
    return { uai, ...body, academy };
  }

  async putCanopeDt(code: string, body: CanopeDtRequest): Promise<CanopeDt> {
    if (!CODE.test(code)) throw badParam('code', 'identifiant en minuscules, chiffres et tirets');
    for (const academy of body.academies) await this.assertAcademy(academy);
    const row = { code, name: body.name, academies: body.academies };
    await this.reference.save(this.dataSource.manager, CanopeDt, row);
    return row;
  }

  private async assertAcademy(code: string): Promise<void> {
    if (!(await this.reference.academyExists(this.dataSource.manager, code))) throw unknownReference('academy', code, 'académie');
  }
}
