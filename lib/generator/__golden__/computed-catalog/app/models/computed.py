"""Computed fields: correlated subqueries inside the statement loading the rows."""

from sqlalchemy import func, select
from sqlalchemy.orm import aliased, column_property

from app.models.category import Category
from app.models.course import Course
from app.models.enrollment import Enrollment
from app.models.product import Product
from app.models.student import Student

_category_children_count_rows = aliased(Category)


Category.children_count = column_property(
    select(func.count())
    .select_from(_category_children_count_rows)
    .where(_category_children_count_rows.parent_id == Category.id)
    .correlate_except(_category_children_count_rows)
    .scalar_subquery()
)


Category.product_count = column_property(
    select(func.count())
    .select_from(Product)
    .where(Product.category_id == Category.id)
    .correlate_except(Product)
    .scalar_subquery()
)


Category.total_price = column_property(
    select(func.coalesce(func.sum(Product.price), 0))
    .select_from(Product)
    .where(Product.category_id == Category.id)
    .correlate_except(Product)
    .scalar_subquery()
)


Category.cheapest = column_property(
    select(func.min(Product.price))
    .select_from(Product)
    .where(Product.category_id == Category.id)
    .correlate_except(Product)
    .scalar_subquery()
)


Category.in_stock_count = column_property(
    select(func.count())
    .select_from(Product)
    .where(Product.category_id == Category.id, Product.stocked.is_(True))
    .correlate_except(Product)
    .scalar_subquery()
)


Student.course_count = column_property(
    select(func.count())
    .select_from(Enrollment)
    .where(Enrollment.student_id == Student.id)
    .correlate_except(Enrollment)
    .scalar_subquery()
)


Course.student_count = column_property(
    select(func.count())
    .select_from(Enrollment)
    .where(Enrollment.course_id == Course.id)
    .correlate_except(Enrollment)
    .scalar_subquery()
)


Course.best_grade = column_property(
    select(func.max(Enrollment.grade))
    .select_from(Enrollment)
    .where(Enrollment.course_id == Course.id)
    .correlate_except(Enrollment)
    .scalar_subquery()
)
