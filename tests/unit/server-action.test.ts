import { describe, expect, it } from "vitest";
import { z } from "zod";
import { serverAction } from "@/app/_lib/server-action";
import { csvUpload } from "@/lib/csv-upload";
import { DomainError } from "@/lib/errors";
import { MAX_CSV_BYTES } from "@/lib/upload-limits";

// The shell every server action runs in: the role check before anything is read, refusals
// handed back to the form, bugs thrown.

const form = (values: Record<string, string | File>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};

describe("serverAction", () => {
  it("runs the guard before the form is read, and stops there when it refuses", async () => {
    const seen: string[] = [];
    const action = serverAction({
      guard: async () => {
        seen.push("guard");
        throw new Error("NEXT_REDIRECT /sign-in");
      },
      input: (data) => {
        seen.push("input");
        return data.get("name");
      },
      run: async () => {
        seen.push("run");
      },
    });
    await expect(action(null, form({ name: "x" }))).rejects.toThrow("/sign-in");
    expect(seen).toEqual(["guard"]);
  });

  it("hands the schema's per-field messages back to the form, without running the operation", async () => {
    let ran = false;
    const action = serverAction({
      guard: async () => ({ id: 1 }),
      input: z.object({ name: z.string().min(2, "Give a name.") }),
      run: async () => {
        ran = true;
      },
    });
    expect(await action(null, form({ name: "" }))).toEqual({ ok: false, message: "Please correct the highlighted fields.", fields: { name: "Give a name." }, values: { name: "" } });
    expect(ran).toBe(false);
  });

  it("passes the parsed input and the user to the operation, and its result to the reply", async () => {
    const action = serverAction({
      guard: async () => ({ id: 7 }),
      input: z.object({ copies: z.coerce.number() }),
      run: async ({ copies }, user) => ({ copies: copies * 2, actor: user.id }),
      reply: (result) => ({ data: result, message: `${result.copies} for ${result.actor}` }),
    });
    expect(await action(null, form({ copies: "2" }))).toEqual({ ok: true, data: { copies: 4, actor: 7 }, message: "4 for 7" });
  });

  it("turns a refusal into the form's message and rethrows anything else", async () => {
    const refusing = serverAction({
      guard: async () => null,
      input: () => undefined,
      run: async () => {
        throw new DomainError("CONFLICT", "That barcode is taken.", { barcode: "Taken." });
      },
    });
    expect(await refusing(null, form({}))).toEqual({ ok: false, message: "That barcode is taken.", fields: { barcode: "Taken." }, values: {} });
    const broken = serverAction({
      guard: async () => null,
      input: () => undefined,
      run: async () => {
        throw new TypeError("a bug");
      },
    });
    await expect(broken(null, form({}))).rejects.toThrow("a bug");
  });
});

describe("csvUpload", () => {
  it("reads the uploaded file's text", async () => {
    expect(await csvUpload(form({ file: new File(["a,b\n1,2\n"], "x.csv") }))).toBe("a,b\n1,2\n");
  });

  it("refuses a missing, empty or too large file with a message on the file field", async () => {
    await expect(csvUpload(form({}))).rejects.toMatchObject({ fields: { file: "Choose a CSV file." } });
    await expect(csvUpload(form({ file: new File([], "x.csv") }))).rejects.toMatchObject({ fields: { file: "Choose a CSV file." } });
    const large = new File([new Uint8Array(MAX_CSV_BYTES + 1)], "x.csv");
    await expect(csvUpload(form({ file: large }))).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { file: expect.stringContaining("4 MB") } });
  });
});
