// The write path in Excel (add rule, add rule pack, import, new rulebook): core's patches applied with Validate's applier.
import type { SheetWrite } from '../../core';
import { applyPatches } from './apply-patches';

/** Applies a write core planned, or throws its refusal (nothing written); returns the plan for its figures. */
export async function applyWrite<W extends SheetWrite>(
  context: Excel.RequestContext,
  sheetNames: string[],
  write: W,
): Promise<W> {
  if (write.refusal !== undefined) throw new Error(write.refusal);
  await applyPatches(context, write.patches, { sheetNames });
  return write;
}
