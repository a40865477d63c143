import { Identity, isAcademyWide } from '@forma/auth';
import { AreaDescribed, CanopeDtDescribed, SchoolRegistered } from '@forma/contracts';
import { EventPublisher } from '@forma/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CanopeDtRequest, DEPARTMENT, DepartmentRequest, DistrictRequest, SchoolRequest } from './reference.dto';
import { Academy, CanopeDt, Department, District, School } from '../catalog.entities';
import { badParam, foreignReference, unknownReference } from './reference.errors';
import { ReferenceRepository } from './reference.repository';
import { canopeDtForeign, districtOutOfScope } from './reference.errors';

const CODE = /^[a-z0-9-]{2,60}$/;

/**
 * Writes of the reference data: each checks what it points to; a school (`SchoolRegistered`), a department or a
 * district
 * (`AreaDescribed`) and a Canopé DT (`CanopeDtDescribed`) are announced.
 */
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

  async putDepartment(code: string, body: DepartmentRequest, caller: Identity): Promise<Department> {
    if (!DEPARTMENT.test(code)) throw badParam('code', 'code de département (2 ou 3 caractères, 2A/2B)');
    const manager = this.dataSource.manager;
    await this.assertAcademy(body.academy);
    if (body.academy !== caller.scope.academy) throw foreignReference(`Le département ${code}`, body.academy);
    const existing = await this.reference.department(manager, code);
    if (existing && existing.academy !== caller.scope.academy)
      throw foreignReference(`Le département ${code}`, existing.academy);
    const row = { code, name: body.name, academy: body.academy };
    await this.dataSource.transaction(async (tx) => {
      await this.reference.save(tx, Department, row);
      await this.events.publish(tx, AreaDescribed, { level: 'department', code, name: row.name, academy: row.academy });
    });
    return row;
  }

  async putDistrict(code: string, body: DistrictRequest, caller: Identity): Promise<District> {
    if (!CODE.test(code)) throw badParam('code', 'identifiant en minuscules, chiffres et tirets');
    const manager = this.dataSource.manager;
    const department = await this.reference.department(manager, body.department);
    if (!department) throw unknownReference('department', body.department, 'département');
    if (department.academy !== caller.scope.academy)
      throw foreignReference(`Le département ${body.department}`, department.academy);
    const existing = await this.reference.district(manager, code);
    if (existing && existing.academy !== caller.scope.academy)
      throw foreignReference(`La circonscription ${code}`, existing.academy);
    // an IEN describes their own circonscription; the académie's administrators any of theirs
    if (!isAcademyWide(caller) && !(caller.scope.level === 'district' && caller.scope.code === code)) {
      throw districtOutOfScope(code);
    }
    const row = { code, name: body.name, department: body.department, academy: department.academy };
    await this.dataSource.transaction(async (tx) => {
      await this.reference.save(tx, District, row);
      await this.events.publish(tx, AreaDescribed, { level: 'district', code, name: row.name, academy: row.academy });
    });
    return row;
  }

  async putSchool(
    uai: string,
    body: SchoolRequest,
    caller: Identity,
  ): Promise<SchoolRequest & { uai: string; academy: string }> {
    const manager = this.dataSource.manager;
    const academy = caller.scope.academy;
    // a code given is looked up, even an empty one (refused as unknown: it would break the reference's foreign keys)
    const department =
      typeof body.department === 'string' ? await this.reference.department(manager, body.department) : null;
    if (typeof body.department === 'string' && !department)
      throw unknownReference('department', body.department, 'département');
    if (department && department.academy !== academy)
      throw foreignReference(`Le département ${department.code}`, department.academy);
    const district = typeof body.district === 'string' ? await this.reference.district(manager, body.district) : null;
    if (typeof body.district === 'string' && !district)
      throw unknownReference('district', body.district, 'circonscription');
    if (district && district.academy !== academy)
      throw foreignReference(`La circonscription ${district.code}`, district.academy);
    const existing = await this.reference.school(manager, uai);
    if (existing && existing.academy !== academy) throw foreignReference(`L'établissement ${uai}`, existing.academy);
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
      await this.events.publish(tx, SchoolRegistered, {
        uai,
        name: body.name,
        academy,
        department: row.department,
        district: row.district,
      });
    });
    return { uai, ...body, academy };
  }

  async putCanopeDt(code: string, body: CanopeDtRequest, caller: Identity): Promise<CanopeDt> {
    if (!CODE.test(code)) throw badParam('code', 'identifiant en minuscules, chiffres et tirets');
    for (const academy of body.academies) await this.assertAcademy(academy);
    // a DT serves several académies: one of them (or the DT's own referent) describes it, never an outsider
    const existing = (await this.reference.canopeDts(this.dataSource.manager)).find((d) => d.code === code);
    const mine = (academies: string[]) =>
      academies.includes(caller.scope.academy) &&
      (caller.roles.includes('dafpen-admin') || (caller.scope.level === 'canope-dt' && caller.scope.code === code));
    if (!mine(body.academies) || (existing && !mine(existing.academies))) {
      throw canopeDtForeign(code);
    }
    const row = { code, name: body.name, academies: body.academies };
    await this.dataSource.transaction(async (tx) => {
      await this.reference.save(tx, CanopeDt, row);
      await this.events.publish(tx, CanopeDtDescribed, row);
    });
    return row;
  }

  private async assertAcademy(code: string): Promise<void> {
    if (!(await this.reference.academyExists(this.dataSource.manager, code)))
      throw unknownReference('academy', code, 'académie');
  }
}
