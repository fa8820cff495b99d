//! Enums with stable codes: in links (`st=od`, `ts=-due`, `show=status`), CSS classes and
//! DOM attributes. One table per enum declares its variants, their codes, `ALL` (in
//! declaration order), `code` and `from_code`, so a variant cannot be added without its code.
//!
//! A leaf: it uses nothing of the crate.

/// Declares an enum whose variants each have a stable code:
///
/// ```text
/// coded_enum! {
///     /// The sections of the full view.
///     #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
///     pub enum Tab {
///         #[default]
///         Tasks => "tasks",
///         Documents => "docs",
///     }
/// }
/// ```
///
/// Variants take the implicit discriminants 0, 1, 2… in declaration order (`ALL`'s order).
macro_rules! coded_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The variant's stable code.
            pub fn code(self) -> &'static str {
                match self {
                    $( $name::$variant => $code ),+
                }
            }

            /// The variant with this code.
            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|v| v.code() == code)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    coded_enum! {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum Fruit {
            Apple => "a",
            Pear => "p",
        }
    }

    #[test]
    fn codes_go_both_ways_and_all_keeps_the_declaration_order() {
        assert_eq!(Fruit::ALL, [Fruit::Apple, Fruit::Pear]);
        for f in Fruit::ALL {
            assert_eq!(Fruit::from_code(f.code()), Some(f));
        }
        assert_eq!(Fruit::from_code("x"), None);
        assert_eq!(Fruit::Pear as u8, 1);
    }
}
