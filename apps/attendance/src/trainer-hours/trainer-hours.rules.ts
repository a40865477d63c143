import { sessionParts, Slot } from '../presence/presence.rules';

export interface NamedTrainer {
  name: string;
  mail: string | null;
  role: 'trainer' | 'tutor';
}

export interface TrainerHours {
  trainer: NamedTrainer;
  faceToFaceMinutes: number;
  virtualClassMinutes: number;
  followUpMinutes: number;
  dates: string[];
}

/**
 * The hours each person named on a delivered session gave, per modality (what remuneration pays in HSE, seed 002): a
 * trainer ("formateur") holds every slot, face-to-face and virtual class ("CV"); a tutor ("tuteur") holds the virtual
 * classes and the follow-up at a distance ("suivi"), which is the parcours' asynchronous time. A day-long slot counts
 * without its lunch hour, as on the participants' sheet.
 */
export function trainerHours(
  slots: readonly Slot[],
  followUpMinutes: number,
  trainers: readonly NamedTrainer[],
): TrainerHours[] {
  // the same parts as the participants' sheet: a day-long slot without its lunch hour
  const parts = sessionParts(slots, 0, null);
  const sum = (kind: Slot['kind']) =>
    parts.filter((p) => p.modality === kind).reduce((total, p) => total + p.plannedMinutes, 0);
  const datesOf = (kind?: Slot['kind']) =>
    [...new Set(slots.filter((s) => !kind || s.kind === kind).map((s) => s.date))].sort();
  return trainers.map((trainer) =>
    trainer.role === 'trainer'
      ? {
          trainer,
          faceToFaceMinutes: sum('face-to-face'),
          virtualClassMinutes: sum('virtual-class'),
          followUpMinutes: 0,
          dates: datesOf(),
        }
      : {
          trainer,
          faceToFaceMinutes: 0,
          virtualClassMinutes: sum('virtual-class'),
          followUpMinutes,
          dates: datesOf('virtual-class'),
        },
  );
}
