// class-transformer ships its metadata storage as CommonJS without a declaration beside it: the types are elsewhere.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
