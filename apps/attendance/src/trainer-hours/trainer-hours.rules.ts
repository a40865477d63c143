import { Slot, minutesOf } from '../presence/presence.rules';

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
 * classes and the follow-up at a distance ("suivi"), which is the parcours' asynchronous time.
 */
export function trainerHours(slots: readonly Slot[], followUpMinutes: number, trainers: readonly NamedTrainer[]): TrainerHours[] {
  const length = (s: Slot) => minutesOf(s.end) - minutesOf(s.start);
  const faceToFace = slots.filter((s) => s.kind === 'face-to-face');
  const virtual = slots.filter((s) => s.kind === 'virtual-class');
  const sum = (list: readonly Slot[]) => list.reduce((total, s) => total + length(s), 0);
  const datesOf = (list: readonly Slot[]) => [...new Set(list.map((s) => s.date))].sort();
  return trainers.map((trainer) =>
    trainer.role === 'trainer'
      ? { trainer, faceToFaceMinutes: sum(faceToFace), virtualClassMinutes: sum(virtual), followUpMinutes: 0, dates: datesOf(slots) }
      : { trainer, faceToFaceMinutes: 0, virtualClassMinutes: sum(virtual), followUpMinutes: followUpMinutes, dates: datesOf(virtual) },
  );
}
