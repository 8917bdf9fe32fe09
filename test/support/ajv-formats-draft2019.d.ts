// The package ships no types: it adds the draft 2019-09 formats (iri, iri-reference, idn-*,
// duration, uuid) to an Ajv instance and returns it.
declare module 'ajv-formats-draft2019' {
  import type Ajv from 'ajv';
  export default function addFormats2019(ajv: Ajv, formats?: string[]): Ajv;
}
