import { IsString, MinLength } from 'class-validator';
import { ServiceEnvironment, validateEnvironment } from './environment';

class WithUserTokens extends ServiceEnvironment {
  @IsString() @MinLength(32) AUTH_JWT_SECRET!: string;
}

const OWN = {
  INTERNAL_AUTH_SECRET: 'a-secret-of-our-own-0123456789abcdef',
  AUTH_JWT_SECRET: 'another-secret-of-our-own-0123456789',
};
const validate = validateEnvironment(WithUserTokens);

describe('configuration checked at start', () => {
  it('names every wrong variable', () => {
    expect(() => validate({ ...OWN, PORT: 'x', OUTBOX_RELAY_MODE: 'fast' })).toThrow(
      /PORT[\s\S]*OUTBOX_RELAY_MODE|OUTBOX_RELAY_MODE[\s\S]*PORT/,
    );
  });

  it('refuses the committed default secrets and the development issuer in production, the default mode', () => {
    const dev = {
      INTERNAL_AUTH_SECRET: 'dev-internal-secret-change-me-0123456789',
      AUTH_JWT_SECRET: 'dev-user-token-secret-change-me-0123456789',
    };
    expect(() => validate(dev)).toThrow(
      /INTERNAL_AUTH_SECRET: a development default is refused in production[\s\S]*AUTH_JWT_SECRET/,
    );
    expect(() => validate({ ...OWN, AUTH_DEV_ISSUER_ENABLED: 'true' })).toThrow(
      /AUTH_DEV_ISSUER_ENABLED: the development token issuer/,
    );
    expect(() => validate({ ...dev, FORMA_MODE: 'production' })).toThrow(/refused in production/);
  });

  it('accepts them in development mode, and secrets of one’s own in production', () => {
    expect(() =>
      validate({
        INTERNAL_AUTH_SECRET: 'dev-internal-secret-change-me-0123456789',
        AUTH_JWT_SECRET: 'dev-user-token-secret-change-me-0123456789',
        AUTH_DEV_ISSUER_ENABLED: 'true',
        FORMA_MODE: 'development',
      }),
    ).not.toThrow();
    expect(validate(OWN)).toMatchObject({ INTERNAL_AUTH_SECRET: OWN.INTERNAL_AUTH_SECRET });
  });
});
