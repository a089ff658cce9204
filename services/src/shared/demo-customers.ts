import type { Random } from './demo-random.js';

/** A shop's customer as seeded on first start; the id is derived from tenant + code. */
export interface DemoCustomer {
  code: string;
  name: string;
  phone: string;
  address: string;
  memberLevel: 'none' | 'silver' | 'gold' | 'platinum';
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超'];
const STREETS = [
  '漕溪北路',
  '天钥桥路',
  '宜山路',
  '文三路',
  '龙井路',
  '虹桥路',
  '南丹路',
  '学院路',
];
const LEVELS: DemoCustomer['memberLevel'][] = [
  'none',
  'none',
  'none',
  'silver',
  'silver',
  'gold',
  'platinum',
];

/** `count` plausible customers with unique phone numbers, living in `district`. */
export function generateCustomers(random: Random, count: number, district: string): DemoCustomer[] {
  const phones = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    let phone: string;
    do {
      phone = `1${random.pick(['38', '39', '58', '86', '77'])}${String(random.int(0, 99999999)).padStart(8, '0')}`;
    } while (phones.has(phone));
    phones.add(phone);
    const given = random.pick(GIVEN) + (random.chance(0.5) ? random.pick(GIVEN) : '');
    return {
      code: `C${String(i + 1).padStart(4, '0')}`,
      name: random.pick(SURNAMES) + given,
      phone,
      address: `${district}${random.pick(STREETS)}${random.int(1, 999)}号${random.int(1, 30)}0${random.int(1, 4)}室`,
      memberLevel: random.pick(LEVELS),
    };
  });
}
