import { createWorkspace, expect, test } from './fixtures';
import { EditorPage } from './pages/editor-page';

test.describe('Deleting behaviour rows from the canvas', () => {
  test('a selected computed field or unique row is what Delete removes, not its entity', async ({
    signedIn: page,
  }) => {
    test.setTimeout(120_000);
    await createWorkspace(page, 'Behaviour delete', 'blog');
    const editor = new EditorPage(page);
    const user = editor.entity('User');
    const post = editor.entity('Post');
    await expect(user).toBeVisible();

    // A computed count on User, then its row selected on the canvas.
    await user.click({ position: { x: 60, y: 14 } });
    await editor.inspector.getByRole('button', { name: 'Add computed field' }).click();
    const countRow = user.locator('.row-computed', { hasText: 'posts_count' });
    await expect(countRow).toBeVisible();
    await countRow.click();
    await expect(countRow).toHaveAttribute('aria-pressed', 'true');
    await expect(editor.inspector.getByRole('group', { name: 'Computed field posts_count' })).toBeVisible();
    await page.keyboard.press('Delete');
    await expect(countRow).toHaveCount(0);
    await expect(user).toBeVisible();
    await expect(editor.button('Undo')).toHaveAttribute('title', /Undo Delete computed field/);

    // A composite unique on Post: two columns ticked, the row selected, Delete.
    await post.click({ position: { x: 60, y: 14 } });
    await editor.inspector.getByRole('button', { name: 'Add unique constraint' }).click();
    const constraint = editor.inspector.getByRole('group', { name: 'Unique together 1' });
    const boxes = constraint.getByRole('checkbox');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    const uniqueRow = post.locator('.row-unique');
    await expect(uniqueRow).toHaveCount(1);
    await uniqueRow.click();
    await expect(uniqueRow).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Delete');
    await expect(uniqueRow).toHaveCount(0);
    await expect(post).toBeVisible();
    await expect(editor.button('Undo')).toHaveAttribute('title', /Undo Delete unique constraint/);
    await editor.expectSaved();
  });
});
