// A signature drawn on the trainer's device (issue 27): a canvas that follows a finger, a pen or a mouse, sent as a
// PNG; the API keeps the image and its SHA-256 as the proof beside the mark.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { components } from '@forma/api-client';
import { useRef, useState } from 'react';
import { type Problem, refusalText } from './problem';
import { useSession } from './session';

type Part = components['schemas']['SessionSheet']['parts'][number];

export function SignaturePad(props: {
  sessionId: string;
  part: Part;
  registrationId: string;
  name: string;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const { client } = useSession();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);
  const [problem, setProblem] = useState<string>();
  const at = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - box.left) * e.currentTarget.width) / box.width,
      ((e.clientY - box.top) * e.currentTarget.height) / box.height,
    ] as const;
  };
  const context = () => {
    const c = canvas.current?.getContext('2d');
    if (!c) throw new Error('canvas sans contexte 2d');
    c.lineWidth = 3;
    c.lineCap = 'round';
    c.strokeStyle = '#161616';
    return c;
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
    setDrawn(false);
  };
  const send = async () => {
    setProblem(undefined);
    const { data, error, response } = await client.POST('/api/v1/attendance/sessions/{sessionId}/signatures', {
      params: { path: { sessionId: props.sessionId } },
      body: {
        method: 'drawn',
        slotIndex: props.part.slotIndex,
        part: props.part.part,
        registrationId: props.registrationId,
        drawing: canvas.current?.toDataURL('image/png') ?? '',
      },
    });
    if (data) props.onDone(`Signature de ${props.name} enregistrée : présence marquée.`);
    else setProblem(refusalText(response.status, error as unknown as Problem));
  };
  return (
    <div className="fr-my-2w">
      <p id={`pad-${props.registrationId}`} className="fr-mb-1w">
        {props.name} signe ici, du doigt ou au stylet :
      </p>
      <canvas
        ref={canvas}
        width={600}
        height={240}
        style={{ width: '100%', maxWidth: 600, height: 'auto', border: '1px solid #3a3a3a', touchAction: 'none' }}
        role="img"
        aria-labelledby={`pad-${props.registrationId}`}
        onPointerDown={(e) => {
          drawing.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          const c = context();
          c.beginPath();
          c.moveTo(...at(e));
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const c = context();
          c.lineTo(...at(e));
          c.stroke();
          setDrawn(true);
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
      />
      {problem && <Alert severity="error" small description={problem} className="fr-my-1w" />}
      <div className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <Button disabled={!drawn} onClick={() => void send()}>
          Valider la signature
        </Button>
        <Button priority="secondary" onClick={clear}>
          Effacer
        </Button>
        <Button priority="tertiary" onClick={props.onCancel}>
          Annuler
        </Button>
      </div>
    </div>
  );
}
