import { pdfText } from '@forma/testing';
import { ATTESTATION_TEMPLATE_VERSION, attestationPdf } from './attestation.pdf';

// The documents as a reader copies their text back (pdf.js): names print as typed, rows are never split.
describe('the attestation', () => {
  it('states the person, the parcours, the planned duration and its verification code', async () => {
    const text = pdfText(
      await attestationPdf(
        {
          attestationId: 'a',
          code: '7Q2M-XK4D-9RBT-1HWS-M',
          person: { lastName: 'לוי', firstName: 'Anaïs "Nana"', school: null },
          training: { title: 'Module « fictif »', moduleId: 'm', sessionId: 's', groupNumber: '02', academy: 'guyane' },
          dates: { from: '2027-03-16', to: '2027-04-13' },
          planned: { faceToFaceMinutes: 390, distanceMinutes: 45 },
          issuedAt: '2027-04-14T09:00:00Z',
          templateVersion: ATTESTATION_TEMPLATE_VERSION,
        },
        'https://forma.ac-exemple.fr/verification/7Q2M-XK4D-9RBT-1HWS-M',
      ),
    );
    expect(text).toContain('Attestation de présence');
    expect(text).toContain('Anaïs "Nana"');
    expect(text).toContain('« Module « fictif » »');
    expect(text).toMatch(/du 16\s+mars\s+2027\s+au\s+13\s+avril\s+2027/);
    expect(text).toContain('en présentiel : 6 h 30');
    expect(text).toContain('à distance (classes virtuelles et suivi) : 0 h 45');
    expect(text).toContain('soit au total : 7 h 15');
    expect(text).toContain('7Q2M-XK4D-9RBT-1HWS-M');
  });
});
