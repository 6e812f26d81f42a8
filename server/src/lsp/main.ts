import { readVersion } from '../node/version';
import { startServer } from './startServer';

// The entry point the extension bundles: the transport comes from argv (--node-ipc).
startServer(readVersion());
