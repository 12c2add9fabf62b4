import { ensureLauncherBuilt } from './embedded'

/** `npm run build:graph`: fetches Neo4j from Maven Central (first time) and builds the launcher. */
ensureLauncherBuilt()
console.log('graph/ launcher ready')
