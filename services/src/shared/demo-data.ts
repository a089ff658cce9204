/** A product as seeded on first start; the id is derived from tenant + sku. */
export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  unit: string;
  /** EAN-13 with a valid check digit. */
  barcode: string;
  /** On-hand quantity per warehouse code. */
  stock: Record<string, number>;
}

export interface DemoWarehouse {
  code: string;
  name: string;
}

export interface DemoTenant {
  id: string;
  name: string;
  warehouses: DemoWarehouse[];
  products: DemoProduct[];
}

/** Appends the EAN-13 check digit to 12 digits, so demo barcodes scan as valid. */
export function ean13(first12: string): string {
  const sum = [...first12].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 ? 3 : 1), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

type Row = [sku: string, name: string, category: string, unit: string, barcode12: string];

function products(warehouseCodes: string[], rows: [...Row, number[]][]): DemoProduct[] {
  return rows.map(([sku, name, category, unit, barcode12, stock]) => ({
    sku,
    name,
    category,
    unit,
    barcode: ean13(barcode12),
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
    warehouses: XIAOMAI_WAREHOUSES,
    products: products(
      XIAOMAI_WAREHOUSES.map((w) => w.code),
      [
        ['XM-DRK-001', '饮用天然水 550ml', '饮料', '瓶', '692145300101', [48, 240]],
        ['XM-DRK-002', '冰红茶 500ml', '饮料', '瓶', '692145300214', [36, 180]],
        ['XM-DRK-003', '可乐 330ml 罐装', '饮料', '罐', '690378200045', [60, 300]],
        ['XM-DRK-004', '鲜橙汁饮料 450ml', '饮料', '瓶', '690378200182', [18, 96]],
        ['XM-DRK-005', '无糖乌龙茶 500ml', '饮料', '瓶', '692145300337', [24, 120]],
        ['XM-DRK-006', '维生素功能饮料 250ml', '饮料', '罐', '695208100026', [0, 72]],
        ['XM-DAI-001', '纯牛奶 250ml', '乳制品', '盒', '691151000312', [30, 150]],
        ['XM-DAI-002', '原味风味酸奶 200g', '乳制品', '杯', '691151000529', [12, 0]],
        ['XM-DAI-003', '核桃早餐奶 250ml', '乳制品', '盒', '691151000741', [20, 80]],
        ['XM-SNK-001', '原味薯片 70g', '休闲零食', '袋', '692406700118', [25, 100]],
        ['XM-SNK-002', '巧克力夹心饼干 102g', '休闲零食', '盒', '692406700231', [15, 60]],
        ['XM-SNK-003', '五香牛肉干 100g', '休闲零食', '袋', '693745200064', [8, 40]],
        ['XM-SNK-004', '每日坚果 25g', '休闲零食', '袋', '693745200170', [40, 200]],
        ['XM-SNK-005', '牛奶巧克力 43g', '休闲零食', '条', '690227300458', [22, 90]],
        ['XM-INS-001', '红烧牛肉面 桶装', '方便速食', '桶', '690126800093', [30, 120]],
        ['XM-INS-002', '玉米火腿肠 30g×10', '方便速食', '包', '690283700516', [16, 64]],
        ['XM-INS-003', '鱼香肉丝自热米饭', '方便速食', '盒', '694071900227', [6, 30]],
        ['XM-GRO-001', '东北大米 5kg', '粮油调味', '袋', '694512600035', [5, 25]],
        ['XM-GRO-002', '特级生抽酱油 500ml', '粮油调味', '瓶', '690049500318', [10, 48]],
        ['XM-GRO-003', '新鲜鸡蛋 10枚装', '粮油调味', '盒', '694512600158', [12, 0]],
        ['XM-HOM-001', '三层抽纸 100抽×3包', '日用百货', '提', '693218400072', [20, 80]],
        ['XM-HOM-002', '加厚垃圾袋 45×50cm 50只', '日用百货', '卷', '693218400195', [14, 60]],
        ['XM-HOM-003', '一次性雨衣', '日用百货', '件', '695830200041', [3, 20]],
        ['XM-PER-001', '薄荷清新牙膏 120g', '个人护理', '支', '690325500263', [9, 36]],
      ],
    ),
  },
  {
    id: 'chaye',
    name: '茶叶铺',
    warehouses: CHAYE_WAREHOUSES,
    products: products(
      CHAYE_WAREHOUSES.map((w) => w.code),
      [
        ['CY-TEA-001', '西湖龙井 明前特级 100g', '绿茶', '罐', '697256100013', [20]],
        ['CY-TEA-002', '洞庭碧螺春 100g', '绿茶', '罐', '697256100136', [0]],
        ['CY-TEA-003', '安溪铁观音 清香型 250g', '乌龙茶', '盒', '697256100259', [15]],
        ['CY-TEA-004', '武夷山大红袍 200g', '乌龙茶', '盒', '697256100372', [12]],
        ['CY-TEA-005', '云南普洱熟茶饼 357g', '黑茶', '饼', '697256100495', [30]],
        ['CY-TEA-006', '福鼎白毫银针 100g', '白茶', '罐', '697256100518', [8]],
        ['CY-TEA-007', '正山小种红茶 200g', '红茶', '罐', '697256100631', [18]],
        ['CY-TEA-008', '横县茉莉花茶 250g', '花茶', '袋', '697256100754', [25]],
        ['CY-WAR-001', '宜兴紫砂壶 西施 200ml', '茶具', '把', '697256109016', [4]],
        ['CY-WAR-002', '德化白瓷盖碗 150ml', '茶具', '只', '697256109139', [10]],
        ['CY-WAR-003', '耐热玻璃公道杯 300ml', '茶具', '个', '697256109252', [14]],
      ],
    ),
  },
];
