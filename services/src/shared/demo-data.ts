import { createRandom } from './demo-random.js';
import { generateProducts } from './demo-products.js';
import { generateCustomers, type DemoCustomer } from './demo-customers.js';

/** A product as seeded on first start; the id is derived from tenant + sku. */
export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  unit: string;
  /** EAN-13 with a valid check digit. */
  barcode: string;
  /** Standard selling price in fen. */
  price: number;
  /** On-hand quantity per warehouse code, after the demo order history. */
  stock: Record<string, number>;
}

export interface DemoWarehouse {
  code: string;
  name: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  roles: string[];
}

export interface DemoTenant {
  id: string;
  name: string;
  users: DemoUser[];
  warehouses: DemoWarehouse[];
  products: DemoProduct[];
  customers: DemoCustomer[];
}

/** The password of every demo user (DESIGN.md). */
export const DEMO_PASSWORD = 'demo1234';

/** Appends the EAN-13 check digit to 12 digits, so demo barcodes scan as valid. */
export function ean13(first12: string): string {
  const sum = [...first12].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 ? 3 : 1), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

type Row = [sku: string, name: string, category: string, unit: string, barcode12: string];

function products(warehouseCodes: string[], rows: [...Row, number[], number][]): DemoProduct[] {
  return rows.map(([sku, name, category, unit, barcode12, stock, price]) => ({
    sku,
    name,
    category,
    unit,
    barcode: ean13(barcode12),
    price,
    stock: Object.fromEntries(warehouseCodes.map((code, i) => [code, stock[i] ?? 0])),
  }));
}

const XIAOMAI_WAREHOUSES: DemoWarehouse[] = [
  { code: 'STORE', name: '门店后仓' },
  { code: 'DC-EAST', name: '城东中心仓' },
];

const CHAYE_WAREHOUSES: DemoWarehouse[] = [{ code: 'SHOP', name: '店内库房' }];

/** Demo tenants seeded on first start. Their catalogues deliberately share no product. */
export const DEMO_TENANTS: DemoTenant[] = [
  {
    id: 'xiaomai',
    name: '小麦便利店',
    users: [
      { username: 'owner', displayName: '王店长', roles: ['owner'] },
      { username: 'clerk', displayName: '李收银', roles: ['clerk'] },
      { username: 'keeper', displayName: '张库管', roles: ['keeper'] },
    ],
    warehouses: XIAOMAI_WAREHOUSES,
    customers: generateCustomers(createRandom('xiaomai/customers'), 80, '上海市徐汇区'),
    products: [
      ...products(
        XIAOMAI_WAREHOUSES.map((w) => w.code),
        [
          ['XM-DRK-001', '饮用天然水 550ml', '饮料', '瓶', '692145300101', [48, 240], 200],
          ['XM-DRK-002', '冰红茶 500ml', '饮料', '瓶', '692145300214', [36, 180], 350],
          ['XM-DRK-003', '可乐 330ml 罐装', '饮料', '罐', '690378200045', [60, 300], 300],
          ['XM-DRK-004', '鲜橙汁饮料 450ml', '饮料', '瓶', '690378200182', [18, 96], 450],
          ['XM-DRK-005', '无糖乌龙茶 500ml', '饮料', '瓶', '692145300337', [24, 120], 550],
          ['XM-DRK-006', '维生素功能饮料 250ml', '饮料', '罐', '695208100026', [0, 72], 600],
          ['XM-DAI-001', '纯牛奶 250ml', '乳制品', '盒', '691151000312', [30, 150], 350],
          ['XM-DAI-002', '原味风味酸奶 200g', '乳制品', '杯', '691151000529', [12, 0], 550],
          ['XM-DAI-003', '核桃早餐奶 250ml', '乳制品', '盒', '691151000741', [20, 80], 450],
          ['XM-SNK-001', '原味薯片 70g', '休闲零食', '袋', '692406700118', [25, 100], 750],
          ['XM-SNK-002', '巧克力夹心饼干 102g', '休闲零食', '盒', '692406700231', [15, 60], 890],
          ['XM-SNK-003', '五香牛肉干 100g', '休闲零食', '袋', '693745200064', [8, 40], 2800],
          ['XM-SNK-004', '每日坚果 25g', '休闲零食', '袋', '693745200170', [40, 200], 490],
          ['XM-SNK-005', '牛奶巧克力 43g', '休闲零食', '条', '690227300458', [22, 90], 690],
          ['XM-INS-001', '红烧牛肉面 桶装', '方便速食', '桶', '690126800093', [30, 120], 550],
          ['XM-INS-002', '玉米火腿肠 30g×10', '方便速食', '包', '690283700516', [16, 64], 1290],
          ['XM-INS-003', '鱼香肉丝自热米饭', '方便速食', '盒', '694071900227', [6, 30], 1990],
          ['XM-GRO-001', '东北大米 5kg', '粮油调味', '袋', '694512600035', [5, 25], 3990],
          ['XM-GRO-002', '特级生抽酱油 500ml', '粮油调味', '瓶', '690049500318', [10, 48], 1250],
          ['XM-GRO-003', '新鲜鸡蛋 10枚装', '粮油调味', '盒', '694512600158', [12, 0], 1380],
          ['XM-HOM-001', '三层抽纸 100抽×3包', '日用百货', '提', '693218400072', [20, 80], 1590],
          [
            'XM-HOM-002',
            '加厚垃圾袋 45×50cm 50只',
            '日用百货',
            '卷',
            '693218400195',
            [14, 60],
            990,
          ],
          ['XM-HOM-003', '一次性雨衣', '日用百货', '件', '695830200041', [3, 20], 500],
          ['XM-PER-001', '薄荷清新牙膏 120g', '个人护理', '支', '690325500263', [9, 36], 1290],
        ],
      ),
      ...generateProducts(createRandom('xiaomai/products'), 'xiaomai', ['STORE', 'DC-EAST']),
    ],
  },
  {
    id: 'chaye',
    name: '茶叶铺',
    users: [{ username: 'owner', displayName: '陈掌柜', roles: ['owner'] }],
    warehouses: CHAYE_WAREHOUSES,
    customers: generateCustomers(createRandom('chaye/customers'), 25, '杭州市西湖区'),
    products: [
      ...products(
        CHAYE_WAREHOUSES.map((w) => w.code),
        [
          ['CY-TEA-001', '西湖龙井 明前特级 100g', '绿茶', '罐', '697256100013', [20], 36800],
          ['CY-TEA-002', '洞庭碧螺春 100g', '绿茶', '罐', '697256100136', [0], 22800],
          ['CY-TEA-003', '安溪铁观音 清香型 250g', '乌龙茶', '盒', '697256100259', [15], 16800],
          ['CY-TEA-004', '武夷山大红袍 200g', '乌龙茶', '盒', '697256100372', [12], 29800],
          ['CY-TEA-005', '云南普洱熟茶饼 357g', '黑茶', '饼', '697256100495', [30], 19800],
          ['CY-TEA-006', '福鼎白毫银针 100g', '白茶', '罐', '697256100518', [8], 25800],
          ['CY-TEA-007', '正山小种红茶 200g', '红茶', '罐', '697256100631', [18], 15800],
          ['CY-TEA-008', '横县茉莉花茶 250g', '花茶', '袋', '697256100754', [25], 6800],
          ['CY-WAR-001', '宜兴紫砂壶 西施 200ml', '茶具', '把', '697256109016', [4], 58000],
          ['CY-WAR-002', '德化白瓷盖碗 150ml', '茶具', '只', '697256109139', [10], 8800],
          ['CY-WAR-003', '耐热玻璃公道杯 300ml', '茶具', '个', '697256109252', [14], 4500],
        ],
      ),
      ...generateProducts(createRandom('chaye/products'), 'chaye', ['SHOP']),
    ],
  },
];
