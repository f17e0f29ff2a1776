// elk's worker build: it answers the layout requests `elk-api` posts (see auto-layout.ts).
import 'elkjs/lib/elk-worker.min.js';
