/**
 * One document's text, in the seeds' style: optional web chrome, title line, 文号 and dates,
 * an introduction citing the documents the plan rests on, sections 一、 with subsections (一) and
 * numbered tasks 1. / 1、 / 1．, a signature block. Returns the paragraphs (the format writer
 * lays them out as txt, md or html) and what was planted in them.
 */
import { cite, type PlantedCitation } from './cite';
import {
  CITE_VERBS, FILLER, INTRO, NOISE, PROGRAMMES, SECTION_HEADINGS, SUBSECTION_HEADINGS, TASK_OBJECTS, TASK_VERBS,
} from './lexicon';
import { hash32, rng, type Rng } from './rng';
import { localiseTitle, type CatalogDoc, type DocSpec, type World } from './world';
import { toChineseNumeral } from './numerals';

export type Block =
  | { kind: 'chrome' | 'title' | 'meta' | 'para' | 'signature'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string };

export interface RenderedDoc {
  title: string;
  blocks: Block[];
  citations: PlantedCitation[];
  programmes: string[];
  noise: number;
  promise?: string;
  region: string;
}

const IMPLEMENTS = CITE_VERBS.implements;
const USES = CITE_VERBS.uses;

function date(r: Rng, year: number): { written: string; iso: string } {
  const m = r.int(1, 12);
  const d = r.int(1, 28);
  return { written: `${year}年${m}月${d}日`, iso: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

function regionName(s: DocSpec): string {
  if (s.county) return `${s.city!.name}${s.county.name}`;
  return s.city ? s.city.name : s.province.name;
}

/** Documents a document of this spec may cite: national ones up to its year, its province's. */
function citable(w: World, s: DocSpec): CatalogDoc[] {
  const self = s.doc;
  const nat = w.national.filter((d) => d !== self && d.year <= s.year && d.year >= s.year - 8);
  if (s.kind === 'national') return nat.filter((d) => d.year < s.year || d.key < self!.key);
  const prov = w.provincial.filter((d) => d !== self && d.province === s.province && d.year <= s.year);
  return s.kind === 'provincial' ? nat : [...nat, ...prov, ...prov];
}

class Writer {
  readonly citations: PlantedCitation[] = [];
  readonly programmes = new Set<string>();
  noise = 0;
  constructor(readonly r: Rng, readonly pool: CatalogDoc[]) {}

  /** A sentence citing one or two documents, or '' when there is nothing to cite. */
  citingSentence(): string {
    const { r } = this;
    if (!this.pool.length) return '';
    const a = cite(r, r.pick(this.pool));
    if (a.planted.form === 'number-only') {
      this.citations.push(a.planted);
      return `${r.pick(USES)}${a.text}要求，${r.pick(FILLER)}。`;
    }
    let cited = a.text;
    this.citations.push(a.planted);
    if (r.chance(0.2)) {
      const b = cite(r, r.pick(this.pool));
      if (b.planted.form !== 'number-only' && b.planted.titles[0] !== a.planted.titles[0]) {
        cited += r.pick(['和', '、', '']) + b.text;
        this.citations.push(b.planted);
      }
    }
    if (r.chance(0.3)) return `${r.pick(USES)}${cited}${r.pick(['要求', '精神', '部署'])}，${r.pick(FILLER)}。`;
    return `${r.pick(IMPLEMENTS)}${cited}，${r.pick(FILLER)}。`;
  }

  programmeSentence(year: number, region: string): string {
    const { r } = this;
    const live = PROGRAMMES.filter((p) => year >= p.since + (hash32(region + p.name) % 4));
    if (!live.length) return '';
    const p = r.pick(live);
    this.programmes.add(p.name);
    return `${p.phrase(p.name)}，${r.pick(FILLER)}。`;
  }

  noiseSentence(): string {
    this.noise++;
    const n = this.r.pick(NOISE);
    return n.length < 4 ? `设立教育发展《${n}》奖励资金，${this.r.pick(FILLER)}。` : `用好《${n}》，${this.r.pick(FILLER)}。`;
  }
}

function taskBody(w: Writer, year: number, region: string): string {
  const { r } = w;
  const parts: string[] = [];
  const n = r.int(1, 3);
  for (let i = 0; i < n; i++) {
    const x = r.next();
    if (x < 0.18) parts.push(w.citingSentence());
    else if (x < 0.3) parts.push(w.programmeSentence(year, region));
    else if (x < 0.315) parts.push(w.noiseSentence());
    else parts.push(`${r.pick(FILLER)}，${r.pick(FILLER)}。`);
  }
  return parts.join('');
}

const NUMBER_STYLES = ['.', '.', '、', '．'];

function body(w: Writer, blocks: Block[], s: DocSpec, region: string, promise?: string): void {
  const { r } = w;
  const sections = r.int(3, 6);
  const style = r.pick(NUMBER_STYLES);
  const headings = r.sample(SECTION_HEADINGS, sections);
  let task = 0;
  const promiseAt = promise ? r.int(0, sections - 1) : -1;
  for (let si = 0; si < sections; si++) {
    blocks.push({ kind: 'heading', level: 1, text: `${toChineseNumeral(si + 1)}、${headings[si]}` });
    const subs = r.chance(0.25) ? r.int(2, 3) : 0;
    const groups = subs || 1;
    const subHeads = r.sample(SUBSECTION_HEADINGS.slice(5), subs);
    for (let g = 0; g < groups; g++) {
      if (subs) blocks.push({ kind: 'heading', level: 2, text: `（${toChineseNumeral(g + 1)}）${subHeads[g]}` });
      const tasks = r.int(2, 4);
      for (let t = 0; t < tasks; t++) {
        task++;
        let text = `${task}${style}${r.pick(TASK_VERBS)}${r.pick(TASK_OBJECTS)}。${taskBody(w, s.year, region)}`;
        if (si === promiseAt && t === 0) {
          text += `推动出台《${promise}》，${r.pick(FILLER)}。`;
          w.citations.push({ titles: [promise!], form: 'promise' });
        }
        blocks.push({ kind: 'para', text });
      }
    }
  }
}

function header(r: Rng, blocks: Block[], title: string, year: number, source: string, docNumber?: string): { written: string } {
  const d = date(r, year);
  if (r.chance(0.4)) blocks.push({ kind: 'chrome', text: r.pick(['首页 > 政府信息公开 > 规划计划', '当前位置：首页 > 通知公告', '首页>公开>政府文件']) });
  blocks.push({ kind: 'title', text: title });
  if (r.chance(0.6)) blocks.push({ kind: 'meta', text: `发布时间：${d.iso} ${String(r.int(8, 18)).padStart(2, '0')}:00    来源：${source}` });
  if (docNumber) blocks.push({ kind: 'meta', text: docNumber });
  return d;
}

function intro(w: Writer, blocks: Block[], lead: string): void {
  const { r } = w;
  const cited: string[] = [];
  const k = w.pool.length ? r.int(1, 2) : 0;
  for (let i = 0; i < k; i++) {
    const c = cite(r, r.pick(w.pool));
    if (c.planted.form === 'number-only') continue;
    cited.push(c.text);
    w.citations.push(c.planted);
  }
  const because = cited.length ? `为深入贯彻落实${cited.join('和')}，` : '';
  blocks.push({ kind: 'para', text: `${because}${lead}${r.pick(INTRO)}。` });
}

/** Renders document `spec` of world `w`. Same (world, spec) → same text. */
export function renderDoc(w: World, s: DocSpec): RenderedDoc {
  const r = rng(`${w.seed}:${s.index}`);
  const writer = new Writer(r, citable(w, s));
  const blocks: Block[] = [];
  const region = regionName(s);
  let title: string;
  let issuer: string;
  let docNumber: string | undefined;
  const cityShort = (s.city?.name ?? s.province.name).slice(0, 1);

  if (s.kind === 'national' || s.kind === 'provincial') {
    const d = s.doc!;
    title = d.notice ? `${d.issuer}关于印发〈${d.title}〉的通知` : `${d.issuer}${d.title}`;
    issuer = d.issuer;
    docNumber = d.docNumber;
    header(r, blocks, title, d.year, issuer.split('、')[0], docNumber);
    if (d.adapts) {
      const c = cite(r, d.adapts);
      writer.citations.push(c.planted);
      blocks.push({ kind: 'para', text: `为全面贯彻落实${c.text}，确保${d.province!.short}教育现代化建设开好局、起好步，结合实际，制定本方案。` });
    } else intro(writer, blocks, '');
    body(writer, blocks, s, region);
  } else if (s.kind === 'fulfilment') {
    title = s.fulfils!;
    issuer = `${s.city!.name}教育局`;
    docNumber = `${cityShort}教发〔${s.year}〕${r.int(1, 40)}号`;
    header(r, blocks, title, s.year, issuer, docNumber);
    intro(writer, blocks, `结合${s.city!.name}实际，现提出如下意见。`);
    body(writer, blocks, s, region);
  } else {
    const who = s.county ? `${region}教育局` : r.chance(0.5) ? `${region}教育局` : `中共${region}委教育工作委员会 ${region}教育局`;
    issuer = who;
    if (s.kind === 'workplan') {
      title = `${who}${s.year}年${r.pick(['工作要点', '教育工作要点'])}`;
      docNumber = r.chance(0.4) ? `${cityShort}教发〔${s.year}〕${r.int(1, 40)}号` : undefined;
    } else {
      const plan = r.pick(w.national.filter((d) => d.notice && d.year <= s.year)) ?? w.national[0];
      const short = (s.county ?? s.city!).name.replace(/(市|区|县|旗)$/, '');
      title = localiseTitle(plan.title.replace(/\(.*\)$/, ''), short, region);
      docNumber = `${cityShort}教发〔${s.year}〕${r.int(1, 40)}号`;
    }
    header(r, blocks, title, s.year, issuer, docNumber);
    intro(writer, blocks, `${s.year}年，全${s.county ? '县' : '市'}教育工作的总体要求是：`);
    body(writer, blocks, s, region, s.promise);
  }
  const signed = date(r, s.kind === 'national' || s.kind === 'provincial' ? s.doc!.year : s.year);
  blocks.push({ kind: 'signature', text: `${issuer.replace(/、/g, '\n')}\n${signed.written}` });
  return {
    title,
    blocks,
    citations: writer.citations,
    programmes: [...writer.programmes],
    noise: writer.noise,
    promise: s.promise,
    region,
  };
}
