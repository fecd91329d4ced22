/** The terminal tables: columns aligned, numbers with a decimal comma, long cells kept in bounds. */
import { textTable } from '../../cli/text';

test('numbers right-aligned with a decimal comma; text left-aligned', () => {
  expect(
    textTable(
      ['Đơn vị', 'Điểm'],
      [
        ['Sở Tư pháp', 95.5],
        ['Sở Y tế', 8.25],
      ],
      [undefined, '0.00'],
    ),
  ).toBe(
    ['Đơn vị     | Điểm ', '-----------+------', 'Sở Tư pháp | 95,50', 'Sở Y tế    |  8,25'].join(
      '\n',
    ),
  );
});

test('a very long name is cut to 60 characters, the last column (a message) never', () => {
  const name = 'Ủy ban nhân dân '.repeat(40);
  const message = 'Thiếu giá trị ở cột "Tên". '.repeat(10);
  const lines = textTable(['Tên', 'Nội dung'], [[name, message]], []).split('\n');
  const [shown, said] = lines[2].split(' | ');
  expect([...shown]).toHaveLength(60);
  expect(shown.endsWith('…')).toBe(true);
  expect(said).toBe(message);
});

test('line breaks and tabs inside a cell do not break the row', () => {
  const out = textTable(['Tên', 'Ghi chú'], [['Sở\nNội vụ', 'dòng 1\r\ndòng 2\tcột']], []);
  expect(out.split('\n')).toHaveLength(3);
  expect(out).toContain('Sở Nội vụ | dòng 1 dòng 2 cột');
});

test('a table of 300,000 rows is laid out without overflowing the stack', () => {
  const rows = Array.from({ length: 300_000 }, (_, i) => [`DV${i}`, i]);
  const text = textTable(['Mã', 'Điểm'], rows, ['@', '0']);
  expect(text.split('\n')).toHaveLength(300_002);
});
