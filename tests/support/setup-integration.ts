import { afterEach } from "vitest";
import { setClock } from "@/lib/clock";

afterEach(() => setClock(null));
