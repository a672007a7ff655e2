-- the coach's plans live at /plans (20261207110000_plans_route.sql): a coach page
-- cannot take that address, and the addresses it could take stay open.
begin;
select plan(3);

select ok('plans' = any (private.reserved_slugs()), '/plans is one of the app''s reserved words');
select ok(not private.is_valid_slug('plans'), 'a coach page cannot be /plans');
select ok(private.is_valid_slug('plans-volkov'), 'a slug that only begins with it is still free');

select * from finish();
rollback;
