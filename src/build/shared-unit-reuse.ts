import type { ModelPageUnit } from '../render/model-page-units.js';
import type { Page } from '../render/page.js';
import { fileStamp, type SharedPageRecord, type SharedUnitRecord } from './page-manifest.js';
import type { SharedUnitKeyer } from './shared-pages-key.js';

/** A shared page to take over from the previous build, and the file to link for it. */
export interface KeptPage {
  readonly page: Page;
  readonly from: string;
}

// A page as this build wrote it; its stamp is known for a linked page (a link keeps the file's), else taken when the manifest is saved.
type Written = [url: string, outputPath: string, contentType: string, origin: string, stamp: string | undefined];

/**
 * Which shared page units (`modelPageUnits`) are taken over from the previous build: those whose
 * key is the one the previous build recorded, with every file as that build left it. Records
 * what this build wrote for the next one.
 */
export class SharedUnitReuse {
  private readonly written = new Map<string, { readonly key: string; readonly pages: Written[] }>();
  private rendered = 0;

  constructor(
    private readonly keyer: SharedUnitKeyer,
    private readonly previous: Readonly<Record<string, SharedUnitRecord>>,
    private readonly fileAt: (outputPath: string) => string,
    /** Whether a file the previous manifest lists is as the build left it, given the stamp recorded for it. */
    private readonly asRecorded: (file: string, recorded: string) => boolean,
  ) {}

  /** The unit's pages (and their 简/繁 copies) to link, or undefined: then it is rendered and each page written is passed to `record`. */
  kept(unit: ModelPageUnit): readonly KeptPage[] | undefined {
    const key = this.keyer(unit);
    const entry = key === undefined ? undefined : { key, pages: [] as Written[] };
    if (entry) this.written.set(unit.id, entry);
    const [previousKey, records] = this.previous[unit.id] ?? [];
    const kept = key !== undefined && previousKey === key && records ? this.linkable(records) : undefined;
    if (kept === undefined) {
      this.rendered++;
      return undefined;
    }
    for (const [i, { page }] of kept.entries()) entry?.pages.push([page.url, page.outputPath, page.contentType, page.origin, records?.[i]?.[4]]);
    return kept;
  }

  /** Note a page of a rendered unit as written. */
  record(unit: ModelPageUnit, page: Page): void {
    this.written.get(unit.id)?.pages.push([page.url, page.outputPath, page.contentType, page.origin, undefined]);
  }

  /** True when every unit was taken over and the set of units is the previous build's. */
  get unchanged(): boolean {
    return this.rendered === 0 && this.written.size === Object.keys(this.previous).length;
  }

  /** What to save in the manifest: each keyed unit with its pages' stamps; a unit with a page gone is left out (rendered next time). */
  records(): Record<string, SharedUnitRecord> {
    const units: Record<string, SharedUnitRecord> = {};
    for (const [id, { key, pages }] of this.written) {
      const records: SharedPageRecord[] = [];
      for (const [url, outputPath, contentType, origin, known] of pages) {
        const stamp = known ?? fileStamp(this.fileAt(outputPath));
        if (stamp === undefined) break;
        records.push([url, outputPath, contentType, origin, stamp]);
      }
      if (records.length === pages.length) units[id] = [key, records];
    }
    return units;
  }

  private linkable(records: readonly SharedPageRecord[]): KeptPage[] | undefined {
    const kept: KeptPage[] = [];
    for (const [url, outputPath, contentType, origin, stamp] of records) {
      const from = this.fileAt(outputPath);
      if (!this.asRecorded(from, stamp)) return undefined;
      kept.push({ page: { url, outputPath, contentType, origin, contents: '' }, from });
    }
    return kept;
  }
}
