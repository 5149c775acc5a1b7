import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { bootLogger, createApp } from './bootstrap';

async function main() {
  const app = await createApp();
  const port = app.get(ConfigService).get<number>('app.port', 3000);
  await app.listen(port);
  bootLogger.log(`GraphQL API on http://localhost:${port}/graphql`);
}

main().catch((e: Error) => {
  // Configuration errors carry a readable message; print it without a stack.
  console.error(e.message.startsWith('Invalid configuration') ? e.message : e);
  process.exit(1);
});
