import { isValidUai } from '@forma/contracts';
import iconv from 'iconv-lite';
import { isRealDate } from '../calendar/school-calendar';

/** GAIA extracts are pipe-delimited and encoded in Windows-1252 (shared/domain/GAIA.md). */
export function decodeGaia(content: Buffer): string {
  return iconv.decode(content, 'win1252');
}

export interface RejectedLine {
  line: number;
  reason: string;
}

export interface TrainingLine {
  line: number;
  sourceTable: string;
  dispositifId: string;
  dispositifName: string;
  moduleId: number;
  moduleName: string;
  sessionId: number;
  groupNumber: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  placeType: string;
  place: string;
  placeUai: string | null;
}

export interface TrainerLine {
  line: number;
  sourceTable: string;
  moduleId: number;
  lastName: string;
  firstName: string;
  mail: string;
}

export interface Parsed<T> {
  lines: number;
  rows: T[];
  rejected: RejectedLine[];
}

const MAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `dd/mm/YYYY` -> `YYYY-MM-DD`, or undefined when it is not a real date. */
export function gaiaDate(value: string): string | undefined {
  const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (!match) return undefined;
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  return isRealDate(iso) ? iso : undefined;
}

function each<T>(text: string, fields: number, read: (cells: string[], line: number) => T | string): Parsed<T> {
  const rows: T[] = [];
  const rejected: RejectedLine[] = [];
  let lines = 0;
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    lines += 1;
    const cells = raw.split('|').map((c) => c.trim());
    if (cells.length !== fields) {
      rejected.push({ line, reason: `${cells.length} champ(s) au lieu de ${fields}` });
      return;
    }
    const result = read(cells, line);
    if (typeof result === 'string') rejected.push({ line, reason: result });
    else rows.push(result);
  });
  return { lines, rows, rejected };
}

/** The trainings extract: 14 fields per line; a line with another count or a bad value is rejected with its number. */
export function parseTrainings(text: string): Parsed<TrainingLine> {
  return each(text, 14, (c, line) => {
    const [
      sourceTable,
      dispositifId,
      dispositifName,
      moduleId,
      moduleName,
      sessionId,
      groupNumber,
      startDate,
      startTime,
      endDate,
      endTime,
      placeType,
      place,
    ] = c;
    if (!sourceTable) return 'table source vide';
    if (!/^[0-9A-Z]{1,10}$/.test(dispositifId))
      return `identifiant de dispositif invalide « ${dispositifId} » (10 caractères au plus)`;
    if (!dispositifName) return 'nom du dispositif vide';
    if (!/^\d+$/.test(moduleId)) return `identifiant de module non entier « ${moduleId} »`;
    if (!moduleName) return 'nom du module vide';
    if (!/^\d+$/.test(sessionId)) return `identifiant de session non entier « ${sessionId} »`;
    if (!/^\d{2}$/.test(groupNumber)) return `numéro de groupe invalide « ${groupNumber} » (2 chiffres)`;
    const start = gaiaDate(startDate);
    if (!start) return `date de début invalide « ${startDate} » (jj/mm/aaaa)`;
    const end = gaiaDate(endDate);
    if (!end) return `date de fin invalide « ${endDate} » (jj/mm/aaaa)`;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(startTime)) return `heure de début invalide « ${startTime} »`;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(endTime)) return `heure de fin invalide « ${endTime} »`;
    if (end < start || (end === start && endTime <= startTime)) return 'la session finit avant de commencer';
    const uai = /^(\d{7}[A-Z])\b/.exec(place)?.[1];
    return {
      line,
      sourceTable,
      dispositifId,
      dispositifName,
      moduleId: Number(moduleId),
      moduleName,
      sessionId: Number(sessionId),
      groupNumber,
      startDate: start,
      startTime,
      endDate: end,
      endTime,
      placeType,
      place,
      placeUai: uai && isValidUai(uai) ? uai : null,
    };
  });
}

/** The trainers extract: 6 fields (source table, module id, last name, first name, mail, trailing). */
export function parseTrainers(text: string): Parsed<TrainerLine> {
  return each(text, 6, (c, line) => {
    const [sourceTable, moduleId, lastName, firstName, mail] = c;
    if (!/^\d+$/.test(moduleId)) return `identifiant de module non entier « ${moduleId} »`;
    if (!lastName) return 'nom vide';
    if (!firstName) return 'prénom vide';
    if (!MAIL.test(mail)) return `adresse mail invalide « ${mail} »`;
    return { line, sourceTable, moduleId: Number(moduleId), lastName, firstName, mail: mail.toLowerCase() };
  });
}
