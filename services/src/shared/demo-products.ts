import type { DemoProduct } from './demo-data.js';
import { ean13 } from './demo-data.js';
import type { Random } from './demo-random.js';

interface Family {
  code: string;
  category: string;
  count: number;
  brands: readonly string[];
  /** [name with spec, unit, price in fen] */
  items: readonly [string, string, number][];
}

const XIAOMAI: Family[] = [
  {
    code: 'DRK',
    category: '饮料',
    count: 30,
    brands: ['清泉', '康源', '农夫山', '椰林', '元气'],
    items: [
      ['矿泉水 1.5L', '瓶', 350],
      ['柠檬茶 500ml', '瓶', 400],
      ['苏打水 350ml', '瓶', 450],
      ['椰汁 245ml', '罐', 450],
      ['绿茶 500ml', '瓶', 350],
      ['运动饮料 600ml', '瓶', 550],
      ['气泡水 480ml', '瓶', 550],
    ],
  },
  {
    code: 'DAI',
    category: '乳制品',
    count: 16,
    brands: ['蒙源', '光明乳', '伊禾', '君乐'],
    items: [
      ['高钙牛奶 250ml', '盒', 380],
      ['低脂牛奶 950ml', '瓶', 1390],
      ['希腊酸奶 135g', '杯', 690],
      ['乳酸菌饮品 100ml×5', '排', 990],
      ['奶酪棒 100g', '袋', 1690],
    ],
  },
  {
    code: 'SNK',
    category: '休闲零食',
    count: 34,
    brands: ['好利', '旺仔', '三只松', '卫龙', '上好佳'],
    items: [
      ['番茄味薯片 70g', '袋', 750],
      ['海苔脆 40g', '袋', 890],
      ['辣条 106g', '袋', 500],
      ['夏威夷果 200g', '袋', 2990],
      ['苏打饼干 400g', '盒', 1290],
      ['果冻 200g', '袋', 690],
      ['话梅 80g', '袋', 850],
      ['鸭脖 150g', '袋', 1590],
    ],
  },
  {
    code: 'INS',
    category: '方便速食',
    count: 20,
    brands: ['康师', '统一', '白象', '今麦'],
    items: [
      ['老坛酸菜面 袋装', '袋', 450],
      ['香辣牛肉面 桶装', '桶', 550],
      ['螺蛳粉 330g', '袋', 1390],
      ['自热火锅 麻辣', '盒', 2990],
      ['速冻水饺 500g', '袋', 1890],
    ],
  },
  {
    code: 'GRO',
    category: '粮油调味',
    count: 22,
    brands: ['金龙', '福临', '海天', '李锦', '太太'],
    items: [
      ['花生油 1.8L', '瓶', 3990],
      ['香米 2.5kg', '袋', 2690],
      ['蚝油 520g', '瓶', 1090],
      ['老陈醋 500ml', '瓶', 890],
      ['鸡精 200g', '袋', 990],
      ['挂面 1kg', '袋', 990],
    ],
  },
  {
    code: 'HOM',
    category: '日用百货',
    count: 20,
    brands: ['洁柔', '心相', '维达', '蓝月'],
    items: [
      ['厨房纸巾 2卷', '提', 1290],
      ['湿巾 80抽', '包', 1090],
      ['洗衣液 2kg', '瓶', 3990],
      ['洗洁精 1.1kg', '瓶', 1290],
      ['保鲜袋 中号 100只', '卷', 890],
    ],
  },
  {
    code: 'PER',
    category: '个人护理',
    count: 18,
    brands: ['高露', '舒客', '海飞', '清扬'],
    items: [
      ['牙刷 软毛 2支', '盒', 1290],
      ['洗发水 400ml', '瓶', 3990],
      ['沐浴露 750ml', '瓶', 3590],
      ['护手霜 50g', '支', 1590],
      ['漱口水 500ml', '瓶', 2290],
    ],
  },
  {
    code: 'FRZ',
    category: '冷冻食品',
    count: 10,
    brands: ['思念', '湾仔', '安井'],
    items: [
      ['汤圆 黑芝麻 400g', '袋', 1290],
      ['鱼丸 250g', '袋', 1590],
      ['冰淇淋 香草 75g', '支', 500],
      ['手抓饼 10片', '袋', 1990],
    ],
  },
  {
    code: 'ALC',
    category: '酒水',
    count: 6,
    brands: ['青岛', '雪花', '哈尔滨'],
    items: [
      ['啤酒 500ml', '罐', 650],
      ['纯生啤酒 330ml×6', '组', 3990],
    ],
  },
];

const CHAYE: Family[] = [
  {
    code: 'TEA',
    category: '绿茶',
    count: 4,
    brands: ['黄山', '六安', '信阳'],
    items: [
      ['毛峰 125g', '罐', 15800],
      ['瓜片 100g', '罐', 18800],
      ['毛尖 250g', '盒', 21800],
    ],
  },
  {
    code: 'OOL',
    category: '乌龙茶',
    count: 3,
    brands: ['凤凰', '冻顶'],
    items: [
      ['单丛 蜜兰香 100g', '罐', 26800],
      ['乌龙 150g', '罐', 19800],
    ],
  },
  {
    code: 'BLK',
    category: '红茶',
    count: 3,
    brands: ['祁门', '滇红', '金骏'],
    items: [
      ['红茶 100g', '罐', 16800],
      ['工夫红茶 200g', '盒', 23800],
    ],
  },
  {
    code: 'GFT',
    category: '礼盒',
    count: 4,
    brands: ['茶叶铺'],
    items: [
      ['中秋茶礼 两罐装', '盒', 48800],
      ['春茶尝鲜礼盒', '盒', 36800],
      ['普洱小方砖礼盒', '盒', 29800],
      ['白茶饼礼盒', '盒', 42800],
    ],
  },
  {
    code: 'ACC',
    category: '茶具',
    count: 5,
    brands: ['景德', '龙泉'],
    items: [
      ['品茗杯 六只装', '套', 16800],
      ['竹制茶盘', '个', 26800],
      ['茶漏', '个', 3800],
    ],
  },
];

/**
 * Adds plausible products to a tenant's hand-written ones: brand × item combinations per category,
 * with stock and prices varied by a seeded random source, so every service derives the same list.
 */
export function generateProducts(
  random: Random,
  tenantId: 'xiaomai' | 'chaye',
  warehouseCodes: string[],
): DemoProduct[] {
  const prefix = tenantId === 'xiaomai' ? 'XM' : 'CY';
  const barcodeBase = tenantId === 'xiaomai' ? '6930' : '6972';
  const products: DemoProduct[] = [];
  for (const family of tenantId === 'xiaomai' ? XIAOMAI : CHAYE) {
    const combos = family.brands.flatMap((brand) =>
      family.items.map((item) => [brand, item] as const),
    );
    // A stride coprime with the number of combinations visits each once, mixing brands and items.
    const stride = [7, 11, 13].find((n) => combos.length % n !== 0) ?? 1;
    for (let i = 0; i < family.count && i < combos.length; i += 1) {
      const [brand, [name, unit, price]] = combos[(i * stride) % combos.length]!;
      const serial = 100 + i;
      const sku = `${prefix}-${family.code}-${serial}`;
      const step = tenantId === 'xiaomai' ? 10 : 100;
      products.push({
        sku,
        name: `${brand}${name}`,
        category: family.category,
        unit,
        barcode: ean13(
          `${barcodeBase}${family.code.charCodeAt(0)}${family.code.charCodeAt(1) % 10}${String(serial).padStart(5, '0')}`.slice(
            0,
            12,
          ),
        ),
        price: Math.max(
          step,
          Math.round((price * (0.85 + random.next() * 0.3)) / step) * step - (step === 10 ? 10 : 0),
        ),
        stock: Object.fromEntries(
          warehouseCodes.map((code, w) => [
            code,
            random.chance(0.06) ? 0 : random.int(2, w === 0 ? 40 : 160),
          ]),
        ),
      });
    }
  }
  return products;
}
