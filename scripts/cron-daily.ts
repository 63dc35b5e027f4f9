// `npm run cron:daily`: the same daily job as GET /api/cron/daily, for cron or a Docker scheduler.
import "./environment";
import { runDailyJob } from "../lib/notifications/daily-job";

const result = await runDailyJob();
console.log(JSON.stringify(result, null, 2));
process.exit(0);
