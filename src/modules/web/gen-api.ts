// `npm run gen:api`: refresh web/src/api/openapi.json and schema.d.ts from the route schemas.
import { API_FILES, writeApiFiles } from './api-types.ts';

await writeApiFiles();
process.stdout.write(`wrote ${API_FILES.openapi}\nwrote ${API_FILES.types}\n`);
